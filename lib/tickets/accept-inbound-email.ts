// The door for replies by email: the mail provider POSTs the raw message (RFC 822) with
// `Authorization: Bearer <INBOUND_EMAIL_SECRET>`. Without the variable the endpoint does not
// exist (404); a wrong secret is 401; a message over 25 MB is 413.
import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import { SYSTEM } from "@/lib/auth/roles";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { receiveInboundEmail } from "./receive-inbound-email";

export const MAX_INBOUND_BYTES = 25 * 1024 * 1024;

const digest = (s: string) => createHash("sha256").update(s).digest();

export type AcceptInboundEmailOptions = { authorization: string | null; body: ArrayBuffer };

export async function acceptInboundEmail({ authorization, body }: AcceptInboundEmailOptions) {
  const secret = env.INBOUND_EMAIL_SECRET;
  if (!secret) throw new AppError("NOT_FOUND", "Not found");
  const given = authorization?.replace(/^Bearer\s+/i, "") ?? "";
  if (!timingSafeEqual(digest(given), digest(secret)))
    throw new AppError("UNAUTHENTICATED", "Wrong or missing inbound email secret.");
  if (body.byteLength === 0) throw new AppError("VALIDATION", "Send the raw email as the body.");
  if (body.byteLength > MAX_INBOUND_BYTES)
    throw new AppError("PAYLOAD_TOO_LARGE", "Emails over 25 MB are not accepted.");
  return receiveInboundEmail({ actor: SYSTEM, raw: Buffer.from(body) });
}
