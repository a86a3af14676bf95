// The link that confirms a subscriber's new email address: it carries the customer, the new
// address and an expiry, signed with HMAC-SHA256 under a key derived from AUTH_SECRET for this
// purpose only (like lib/payments/pay-link.ts), so it needs no table and cannot be altered to
// another address. It is mailed to the new address: following it proves the customer reads it.
import { createHmac, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { now } from "@/lib/time/clock";

export const EMAIL_CHANGE_HOURS = 24;

function key(): Buffer {
  const secret = env.AUTH_SECRET;
  if (!secret)
    throw new AppError("SETUP_REQUIRED", "AUTH_SECRET is not set, so links cannot be signed.");
  return createHmac("sha256", secret).update("lastmile email-change v1").digest();
}
const sign = (payload: string) => createHmac("sha256", key()).update(payload).digest("base64url");

export function emailChangeToken(opts: { customerId: string; email: string }): string {
  const e = Math.floor(now().getTime() / 1000) + EMAIL_CHANGE_HOURS * 3600;
  const payload = Buffer.from(JSON.stringify({ c: opts.customerId, m: opts.email, e })).toString(
    "base64url",
  );
  return `${payload}.${sign(payload)}`;
}

/** The customer and address when the signature holds and the link has not expired, else null. */
export function readEmailChangeToken(token: string): { customerId: string; email: string } | null {
  const [payload, signature, extra] = token.split(".");
  if (!payload || !signature || extra !== undefined) return null;
  const expected = Buffer.from(sign(payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const { c, m, e } = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as {
      c?: unknown;
      m?: unknown;
      e?: unknown;
    };
    if (typeof c !== "string" || typeof m !== "string" || typeof e !== "number") return null;
    if (e * 1000 <= now().getTime()) return null;
    return { customerId: c, email: m };
  } catch {
    return null;
  }
}
