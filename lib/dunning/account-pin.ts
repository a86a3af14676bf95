// The account PIN for the walled-garden pay page: six digits derived from the customer id with
// HMAC under a key of its own (from AUTH_SECRET), so it needs no stored secret and is sent in the
// suspension messages. Guessing is bounded by the page's rate limits.
import { createHmac, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

export function accountPin(customerId: string): string {
  const secret = env.AUTH_SECRET;
  if (!secret) throw new AppError("SETUP_REQUIRED", "AUTH_SECRET is not set.");
  const key = createHmac("sha256", secret).update("lastmile walled-garden pin v1").digest();
  const n = createHmac("sha256", key).update(customerId).digest().readUInt32BE(0) % 1_000_000;
  return String(n).padStart(6, "0");
}

export function pinMatches(customerId: string, pin: string): boolean {
  const expected = Buffer.from(accountPin(customerId));
  const given = Buffer.from(pin.padEnd(6).slice(0, 6));
  return timingSafeEqual(expected, given) && pin.length === 6;
}
