// Stored Stripe events whose processing failed (or whose process died mid-way) are processed
// again by the janitor; the handlers are idempotent, so an event processed meanwhile is harmless.
import "server-only";
import type Stripe from "stripe";
import { db } from "@/lib/db";
import { now } from "@/lib/time/clock";
import { processStripeEvent } from "./process-stripe-event";

export async function processStoredStripeEvents(opts: { olderThanMinutes: number }) {
  const rows = await db.webhookEvent.findMany({
    where: {
      source: "stripe",
      processedAt: null,
      receivedAt: { lt: new Date(now().getTime() - opts.olderThanMinutes * 60_000) },
    },
    orderBy: { receivedAt: "asc" },
    take: 500,
  });
  let processed = 0;
  for (const row of rows) {
    const done = await processStripeEvent({
      rowId: row.id,
      event: row.payload as unknown as Stripe.Event,
    });
    if (done.ok) processed++;
  }
  return { processed, failed: rows.length - processed };
}
