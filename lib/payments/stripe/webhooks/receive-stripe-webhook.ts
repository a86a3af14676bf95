// POST /api/webhooks/stripe. The signature is checked on the raw body with the endpoint's
// secret (stripe.webhooks.constructEvent: HMAC and a 5-minute timestamp tolerance); only
// allow-listed types are kept; each event is stored first by its id (WebhookEvent, unique per
// source) and acknowledged ("queued"), and a drain processes it right after, batched with the
// events arriving meanwhile (Stripe's guidance: acknowledge fast, process asynchronously). A
// replay of an event already stored answers "duplicate"; one whose processing failed before is
// queued again. Stripe delivers out of order and more than once: the handlers make that
// harmless. The payments.janitor job drains whatever a crash left.
import "server-only";
import Stripe from "stripe";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { now } from "@/lib/time/clock";
import { triggerStripeDrain } from "./drain-stripe-events";
import { isHandledStripeEvent } from "./stripe-event-types";

export type ReceiveStripeWebhookOptions = { rawBody: string; signature: string | null };

export type WebhookAnswer = {
  received: true;
  status: "queued" | "duplicate" | "ignored";
};

type Stored = { id: string; type: string; rawBody: string };
type Waiting = Stored & { done: (inserted: boolean) => void; fail: (err: unknown) => void };

let queue: Waiting[] = [];
let flushing = false;

/**
 * Stores an event by its id; true when it is new. Deliveries arriving together are written in
 * one INSERT, so one commit (one WAL flush) makes a burst durable before any of it is answered.
 */
function storeEvent(e: Stored): Promise<boolean> {
  return new Promise((done, fail) => {
    queue.push({ ...e, done, fail });
    if (!flushing) void flush();
  });
}

async function flush() {
  flushing = true;
  try {
    while (queue.length) {
      const batch = queue;
      queue = [];
      try {
        const rows = await db.$queryRawUnsafe<{ externalId: string }[]>(
          // A retry of an event whose processing failed clears the error: the drain takes it again.
          `WITH r AS (SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(id text, type text, "rawBody" text)),
           retried AS (
             UPDATE "WebhookEvent" w SET error = NULL FROM r
              WHERE w.source = 'stripe' AND w."externalId" = r.id
                AND w."processedAt" IS NULL AND w.error IS NOT NULL)
           INSERT INTO "WebhookEvent" (id, source, "externalId", type, payload, "receivedAt")
           SELECT gen_random_uuid()::text, 'stripe', r.id, r.type, r."rawBody"::jsonb, $2 FROM r
           ON CONFLICT (source, "externalId") DO NOTHING RETURNING "externalId"`,
          JSON.stringify(batch.map(({ id, type, rawBody }) => ({ id, type, rawBody }))),
          now(),
        );
        const fresh = new Set(rows.map((r) => r.externalId));
        // The same event twice in one batch: the first is the new one.
        for (const w of batch) w.done(fresh.delete(w.id));
      } catch (err) {
        for (const w of batch) w.fail(err);
      }
    }
  } finally {
    flushing = false;
  }
}

export async function receiveStripeWebhook(
  opts: ReceiveStripeWebhookOptions,
): Promise<WebhookAnswer> {
  const secret = env.STRIPE_WEBHOOK_SECRET;
  if (!secret) throw new AppError("NOT_FOUND", "Stripe webhooks are not configured.");
  if (!opts.signature) throw new AppError("VALIDATION", "Missing Stripe-Signature header.");
  let event: Stripe.Event;
  try {
    event = Stripe.webhooks.constructEvent(opts.rawBody, opts.signature, secret);
  } catch {
    throw new AppError("VALIDATION", "The Stripe signature does not match.");
  }
  if (!isHandledStripeEvent(event.type)) return { received: true, status: "ignored" };
  const inserted = await storeEvent({ id: event.id, type: event.type, rawBody: opts.rawBody });
  void triggerStripeDrain();
  return { received: true, status: inserted ? "queued" : "duplicate" };
}
