// Signed pay links: a URL in an email, on the invoice PDF's QR code or behind the walled garden
// that lets whoever holds it pay one invoice without signing in. The token carries the invoice id
// and an expiry, signed with HMAC-SHA256 under a key derived from AUTH_SECRET, so it needs no
// database row and cannot be forged or extended; it reveals nothing beyond the invoice's id.
import { createHmac, timingSafeEqual } from "node:crypto";
import { appUrl, env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { now } from "@/lib/time/clock";

/** How long a pay link works unless the caller says otherwise. */
export const PAY_LINK_DAYS = 30;

function key(): Buffer {
  const secret = env.AUTH_SECRET;
  if (!secret)
    throw new AppError("SETUP_REQUIRED", "AUTH_SECRET is not set, so pay links cannot be signed.");
  // A key of its own: a pay-link signature can never be replayed as a session or any other token.
  return createHmac("sha256", secret).update("lastmile pay-link v1").digest();
}

const sign = (payload: string) => createHmac("sha256", key()).update(payload).digest("base64url");

export type PayLink = { invoiceId: string; expiresAt: Date };

/** The token for a pay link to `invoiceId`, valid until `expiresAt` (default: PAY_LINK_DAYS from now). */
export function payLinkToken(opts: { invoiceId: string; expiresAt?: Date }): string {
  const expiresAt = opts.expiresAt ?? new Date(now().getTime() + PAY_LINK_DAYS * 86_400_000);
  const payload = Buffer.from(
    JSON.stringify({ i: opts.invoiceId, e: Math.floor(expiresAt.getTime() / 1000) }),
  ).toString("base64url");
  return `${payload}.${sign(payload)}`;
}

/** The public URL of a pay link (the `/pay/{token}` page). */
export function payLinkUrl(opts: { invoiceId: string; expiresAt?: Date }): string {
  return `${appUrl()}/pay/${payLinkToken(opts)}`;
}

/**
 * Reads a token: the invoice and expiry when the signature holds, else null. An expired link is
 * returned with `expired: true` so the page can say so instead of "not found".
 */
export function readPayLinkToken(token: string): (PayLink & { expired: boolean }) | null {
  const [payload, signature, extra] = token.split(".");
  if (!payload || !signature || extra !== undefined) return null;
  const expected = Buffer.from(sign(payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  const { i, e } = (parsed ?? {}) as { i?: unknown; e?: unknown };
  if (typeof i !== "string" || typeof e !== "number" || !Number.isInteger(e)) return null;
  const expiresAt = new Date(e * 1000);
  return { invoiceId: i, expiresAt, expired: expiresAt.getTime() <= now().getTime() };
}
