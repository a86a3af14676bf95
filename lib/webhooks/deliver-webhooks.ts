// Sends due webhook deliveries (the webhooks.deliver job). Each batch is claimed with
// FOR UPDATE SKIP LOCKED and leased for a few minutes, so concurrent runners never send the same
// delivery at once and a crashed runner's batch comes back after the lease. A 2xx answer is
// success; anything else (3xx included, redirects are not followed) is retried on the backoff
// schedule, then marked FAILED. Receivers may still see an event twice (a reply lost after they
// handled it): they dedupe on the event id, as with Stripe.
import { db } from "@/lib/db";
import { decryptSecret } from "@/lib/crypto/encrypt";
import { logger } from "@/lib/log";
import { now } from "@/lib/time/clock";
import { nextAttemptAfter } from "./retry-schedule";
import { SIGNATURE_HEADER, signatureHeader } from "./sign-webhook";

const LEASE_MS = 5 * 60_000;
const PARALLEL = 8;

type Claimed = { id: string; payload: string; attempts: number; url: string; secretEnc: string };

async function claimBatch(limit: number): Promise<Claimed[]> {
  const at = now();
  return db.$queryRawUnsafe<Claimed[]>(
    `UPDATE "WebhookDelivery" d SET "nextAttemptAt" = $2
       FROM "WebhookEndpoint" e
      WHERE e.id = d."endpointId" AND d.id IN (
        SELECT w.id FROM "WebhookDelivery" w JOIN "WebhookEndpoint" we ON we.id = w."endpointId"
         WHERE w.status = 'PENDING' AND w."nextAttemptAt" <= $1 AND we.active
         ORDER BY w."nextAttemptAt" LIMIT $3 FOR UPDATE OF w SKIP LOCKED)
      RETURNING d.id, d.payload, d.attempts, e.url, e."secretEnc"`,
    at,
    new Date(at.getTime() + LEASE_MS),
    limit,
  );
}

async function post(d: Claimed, timeoutMs: number): Promise<{ status?: number; error?: string }> {
  try {
    const body = d.payload;
    const res = await fetch(d.url, {
      method: "POST",
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
      headers: {
        "content-type": "application/json",
        "user-agent": "Lastmile-Webhooks/1",
        [SIGNATURE_HEADER]: signatureHeader(
          decryptSecret(d.secretEnc),
          body,
          Math.floor(now().getTime() / 1000),
        ),
      },
      body,
    });
    const text = res.ok ? "" : (await res.text().catch(() => "")).slice(0, 300);
    return res.ok ? { status: res.status } : { status: res.status, error: text || res.statusText };
  } catch (e) {
    return { error: e instanceof Error ? `${e.name}: ${e.message}`.slice(0, 300) : "failed" };
  }
}

async function deliverOne(d: Claimed, timeoutMs: number): Promise<boolean> {
  const result = await post(d, timeoutMs);
  const at = now();
  const attempts = d.attempts + 1;
  const ok = result.status !== undefined && result.status >= 200 && result.status < 300;
  const next = ok ? null : nextAttemptAfter(attempts, at);
  await db.webhookDelivery.update({
    where: { id: d.id },
    data: {
      attempts,
      lastAttemptAt: at,
      lastStatusCode: result.status ?? null,
      lastError: ok ? null : (result.error ?? `HTTP ${result.status}`),
      status: ok ? "SUCCEEDED" : next ? "PENDING" : "FAILED",
      deliveredAt: ok ? at : null,
      nextAttemptAt: next ?? at,
    },
  });
  if (!ok) logger.warn({ deliveryId: d.id, attempts, ...result }, "webhook delivery failed");
  return ok;
}

/** Sends every delivery due now; returns how many succeeded and failed in this run. */
export async function deliverWebhooks(opts: { batchSize?: number; timeoutMs?: number } = {}) {
  let sent = 0;
  let failed = 0;
  for (;;) {
    const batch = await claimBatch(opts.batchSize ?? 100);
    if (!batch.length) return { sent, failed };
    for (let i = 0; i < batch.length; i += PARALLEL) {
      const results = await Promise.all(
        batch.slice(i, i + PARALLEL).map((d) => deliverOne(d, opts.timeoutMs ?? 10_000)),
      );
      for (const ok of results)
        if (ok) sent++;
        else failed++;
    }
  }
}
