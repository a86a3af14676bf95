// A provider callback is ours only when its path carries the rail's callback token.
import "server-only";
import { timingSafeEqual } from "node:crypto";
import { AppError } from "@/lib/errors";
import type { PaymentRail } from "@/lib/generated/prisma/enums";
import { railRow } from "./load-rail";

export async function verifyCallbackToken(rail: PaymentRail, token: string) {
  const row = await railRow(rail);
  const [a, b] = [Buffer.from(row.callbackToken), Buffer.from(token)];
  if (!row.enabled || a.length !== b.length || !timingSafeEqual(a, b))
    throw new AppError("UNAUTHENTICATED", "Unknown callback.");
}
