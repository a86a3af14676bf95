// Processes stored Stripe events in batches, after the receiver has acknowledged them (Stripe's
// guidance: answer 2xx fast, process asynchronously). Succeeded PaymentIntents — the bulk of the
// traffic — are claimed (FOR UPDATE SKIP LOCKED, so two drainers never take the same event) and
// booked together in one transaction that also marks them processed; every other event runs its
// own idempotent handler. The receiver triggers a drain after each stored event; triggers that
// arrive while one runs fold into one more pass, so a burst of deliveries is drained by a few
// large batches. The payments.janitor job retries what failed or was left (a crash, a restart).
import "server-only";
import type Stripe from "stripe";
import { db } from "@/lib/db";
import { logger } from "@/lib/log";
import { now } from "@/lib/time/clock";
import { settleSucceededIntentsTx } from "../settle-succeeded-intents-tx";
import { processStripeEvent } from "./process-stripe-event";

const BATCH = 1_000;
// Held row and customer locks wait in line behind card payments booked one at a time.
const DRAIN_TX = { maxWait: 10_000, timeout: 120_000 };

const SUCCEEDED = "payment_intent.succeeded";

/** One batch of succeeded intents; returns how many events it claimed. */
async function drainSucceeded() {
  const { claimed, odd } = await db.$transaction(async (tx) => {
    const rows = await tx.$queryRawUnsafe<{ id: string; payload: Stripe.Event }[]>(
      `SELECT id, payload FROM "WebhookEvent"
        WHERE source = 'stripe' AND type = $1 AND "processedAt" IS NULL AND error IS NULL
        ORDER BY "receivedAt" LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
      SUCCEEDED,
    );
    const intentOf = (r: (typeof rows)[number]) => r.payload.data.object as Stripe.PaymentIntent;
    const ready = rows.filter((r) => intentOf(r).status === "succeeded");
    await settleSucceededIntentsTx(tx, ready.map(intentOf));
    await tx.webhookEvent.updateMany({
      where: { id: { in: ready.map((r) => r.id) } },
      data: { processedAt: now(), error: null },
    });
    return { claimed: rows.length, odd: rows.filter((r) => !ready.includes(r)) };
  }, DRAIN_TX);
  // An intent the event shows not succeeded after all goes through its handler (it records why).
  for (const row of odd) await processStripeEvent({ rowId: row.id, event: row.payload });
  return claimed;
}

/** Other waiting events (all of them when a batch failed), each through its handler. */
async function drainOthers(includeSucceeded: boolean) {
  const rows = await db.webhookEvent.findMany({
    where: {
      source: "stripe",
      processedAt: null,
      error: null,
      ...(!includeSucceeded && { type: { not: SUCCEEDED } }),
    },
    orderBy: { receivedAt: "asc" },
    take: BATCH,
  });
  for (const row of rows)
    await processStripeEvent({ rowId: row.id, event: row.payload as unknown as Stripe.Event });
  return rows.length;
}

/** Drains until nothing is waiting. */
export async function drainStripeEvents() {
  for (;;) {
    let failed = false;
    const n = await drainSucceeded().catch((err) => {
      // One bad event must not hold up the rest: they go through their handlers one by one.
      logger.error({ err }, "Stripe event batch failed; processing one by one");
      failed = true;
      return 0;
    });
    if (n === BATCH) continue;
    const others = await drainOthers(failed);
    if (others < BATCH) return;
  }
}

let running: Promise<unknown> | null = null;
let again = false;

/** Starts a drain in the background, or asks the running one for one more pass. */
export function triggerStripeDrain(): Promise<unknown> {
  if (running) {
    again = true;
    return running;
  }
  running = (async () => {
    try {
      do {
        again = false;
        await drainStripeEvents();
      } while (again);
    } catch (err) {
      logger.error({ err }, "Stripe event drain failed; the janitor retries");
    } finally {
      running = null;
    }
  })();
  return running;
}
