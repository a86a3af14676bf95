// Signatures on outbound webhooks, timestamped like Stripe's: the header is
// `Lastmile-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">` keyed with the
// endpoint's secret. Receivers recompute it on the raw body and refuse old timestamps (replays).
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

export const SIGNATURE_HEADER = "Lastmile-Signature";

/** A new endpoint secret, shown to the admin once. */
export const newWebhookSecret = () => `whsec_${randomBytes(24).toString("base64url")}`;

const hmac = (secret: string, timestamp: number, body: string) =>
  createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");

export function signatureHeader(secret: string, body: string, timestamp: number): string {
  return `t=${timestamp},v1=${hmac(secret, timestamp, body)}`;
}

/**
 * Checks a received signature the way integrators should: the HMAC matches one of the `v1`
 * values and the timestamp is within `toleranceSeconds` of `now` (unix seconds).
 */
export function verifySignature(opts: {
  secret: string;
  body: string;
  header: string | null | undefined;
  now: number;
  toleranceSeconds?: number;
}): boolean {
  const parts = (opts.header ?? "").split(",").map((p) => p.trim().split("="));
  const t = Number(parts.find(([k]) => k === "t")?.[1]);
  if (!Number.isInteger(t) || Math.abs(opts.now - t) > (opts.toleranceSeconds ?? 300)) return false;
  const expected = Buffer.from(hmac(opts.secret, t, opts.body), "hex");
  return parts.some(([k, v]) => {
    if (k !== "v1" || !v || !/^[0-9a-f]{64}$/.test(v)) return false;
    return timingSafeEqual(expected, Buffer.from(v, "hex"));
  });
}
