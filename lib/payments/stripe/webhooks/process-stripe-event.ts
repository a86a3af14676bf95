// Runs a stored Stripe event's handler and marks the row processed (or records the error, so
// the janitor's pass or Stripe's own retry tries again). Processing twice is harmless: every
// handler is idempotent.
import "server-only";
import type Stripe from "stripe";
import { db } from "@/lib/db";
import { logger } from "@/lib/log";
import { now } from "@/lib/time/clock";
import { STRIPE_EVENT_HANDLERS } from "./handlers";
import { isHandledStripeEvent } from "./stripe-event-types";

export async function processStripeEvent(opts: { rowId: string; event: Stripe.Event }) {
  const { event } = opts;
  try {
    const result = isHandledStripeEvent(event.type)
      ? await STRIPE_EVENT_HANDLERS[event.type](event)
      : { ignored: true };
    await db.webhookEvent.update({
      where: { id: opts.rowId },
      data: { processedAt: now(), error: null },
    });
    return { ok: true as const, result };
  } catch (e) {
    logger.error({ err: e, event: event.id, type: event.type }, "Stripe event failed");
    await db.webhookEvent.update({
      where: { id: opts.rowId },
      data: { error: (e as Error).message.slice(0, 1000) },
    });
    return { ok: false as const, error: (e as Error).message };
  }
}
