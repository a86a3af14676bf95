// POST /api/webhooks/stripe. The signature is checked on the raw body with the endpoint's
// secret (stripe.webhooks.constructEvent: HMAC and a 5-minute timestamp tolerance); only
// allow-listed types are kept; each event is stored first by its id (WebhookEvent, unique per
// source) and then processed. A replay of an event already processed answers 200 at once; one
// whose processing failed before is processed again. Stripe delivers out of order and more than
// once: the handlers make that harmless.
import "server-only";
import Stripe from "stripe";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { now } from "@/lib/time/clock";
import { processStripeEvent } from "./process-stripe-event";
import { isHandledStripeEvent } from "./stripe-event-types";

export type ReceiveStripeWebhookOptions = { rawBody: string; signature: string | null };

export type WebhookAnswer = {
  received: true;
  status: "processed" | "duplicate" | "ignored" | "failed";
};

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
  const [inserted] = await db.$queryRawUnsafe<{ id: string }[]>(
    `INSERT INTO "WebhookEvent" (id, source, "externalId", type, payload, "receivedAt")
     VALUES (gen_random_uuid()::text, 'stripe', $1, $2, $3::jsonb, $4)
     ON CONFLICT (source, "externalId") DO NOTHING RETURNING id`,
    event.id,
    event.type,
    opts.rawBody,
    now(),
  );
  let rowId = inserted?.id;
  if (!rowId) {
    const stored = await db.webhookEvent.findUniqueOrThrow({
      where: { source_externalId: { source: "stripe", externalId: event.id } },
      select: { id: true, processedAt: true },
    });
    if (stored.processedAt) return { received: true, status: "duplicate" };
    rowId = stored.id;
  }
  const done = await processStripeEvent({ rowId, event });
  return { received: true, status: done.ok ? "processed" : "failed" };
}
