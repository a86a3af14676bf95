// npm run bench:webhooks — Stripe webhook deliveries through the real receiver (signature check
// on the raw body, store-first by event id, idempotent settle) on its own embedded PostgreSQL.
// 2,000 customers each pay one invoice by a payment_intent.succeeded we have no record of yet
// (the heaviest path: the payment is created, numbered, posted, allocated, announced, receipted);
// mixed in are replays of the same event id (Stripe retrying) and new event ids for an intent
// already settled. Deliveries run 8 at a time in random order. The receiver acknowledges once an
// event is stored and drains stored events in batches; the clock stops only when every event is
// processed (its payment booked). Prints events/s (bar: ≥ 500).
import os from "node:os";
import { paymentsBench, pool, WEBHOOK_SECRET } from "./payments-setup";

const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 2_000);
const REPLAYS = Math.round(CUSTOMERS * 0.75); // same event id again
const RESENDS = Math.round(CUSTOMERS * 0.75); // same intent, new event id
const bench = await paymentsBench(CUSTOMERS);
try {
  const { receiveStripeWebhook } =
    await import("../lib/payments/stripe/webhooks/receive-stripe-webhook");
  const { db } = await import("../lib/db");
  const { triggerStripeDrain } =
    await import("../lib/payments/stripe/webhooks/drain-stripe-events");
  const intent = (i: number) => ({
    id: `pi_bench_${i}`,
    object: "payment_intent",
    amount: 30000,
    amount_received: 30000,
    currency: "zar",
    customer: `cus_bench_${i}`,
    status: "succeeded",
    metadata: { customerId: `c${i}`, invoiceId: `i${i}`, kind: "PAY_NOW" },
  });
  // Stripe signs each delivery when it sends it (the signature's timestamp must be recent).
  const deliveries = [
    ...Array.from({ length: CUSTOMERS }, (_, k) => ({ n: k + 1, id: `evt_b_${k + 1}` })),
    ...Array.from({ length: REPLAYS }, (_, k) => ({
      n: (k % CUSTOMERS) + 1,
      id: `evt_b_${(k % CUSTOMERS) + 1}`,
    })),
    ...Array.from({ length: RESENDS }, (_, k) => ({ n: (k % CUSTOMERS) + 1, id: `evt_r_${k}` })),
  ].sort(() => Math.random() - 0.5);
  const t0 = performance.now();
  const statuses: Record<string, number> = {};
  await pool(deliveries.length, 8, async (i) => {
    const { n, id } = deliveries[i];
    const d = bench.stripe.event("payment_intent.succeeded", intent(n), WEBHOOK_SECRET, id);
    const r = await receiveStripeWebhook({ rawBody: d.payload, signature: d.signature });
    statuses[r.status] = (statuses[r.status] ?? 0) + 1;
  });
  const acked = (performance.now() - t0) / 1000;
  // Processed means booked: wait for the drains the deliveries started.
  await triggerStripeDrain();
  const waiting = await db.webhookEvent.count({ where: { processedAt: null } });
  const s = (performance.now() - t0) / 1000;
  const payments = await db.payment.count({ where: { status: "SUCCEEDED" } });
  const paid = await db.invoice.count({ where: { status: "PAID" } });
  console.log(
    `deliveries: ${deliveries.length} (${CUSTOMERS} first, ${REPLAYS} replayed ids, ${RESENDS} new ids for settled intents)`,
  );
  console.log(
    `outcomes: ${JSON.stringify(statuses)}; all acknowledged after ${acked.toFixed(2)} s`,
  );
  console.log(`events left unprocessed: ${waiting}`);
  console.log(`payments: ${payments}, invoices paid: ${paid} (expected ${CUSTOMERS} each)`);
  console.log(
    `time to all processed: ${s.toFixed(2)} s → ${(deliveries.length / s).toFixed(0)} events/s (bar: ≥ 500); load ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")}`,
  );
  if (payments !== CUSTOMERS || paid !== CUSTOMERS || waiting) process.exitCode = 1;
} finally {
  await bench.close();
}
