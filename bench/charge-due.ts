// npm run bench:charge-due — the auto-pay sweep (payments.charge-due) over 10,000 invoices due
// today, each customer with a saved default card, against the local fake Stripe, on its own
// embedded PostgreSQL. The floor is the fake's own: the same 10,000 PaymentIntent creations sent
// with the SDK at the same concurrency and no database, measured in the same run. Prints both
// and their ratio, then re-runs the sweep (it must charge nothing).
import os from "node:os";
import { paymentsBench, pool } from "./payments-setup";

const INVOICES = Number(process.env.BENCH_INVOICES ?? 10_000);
const CONCURRENCY = 8;
const bench = await paymentsBench(INVOICES);
try {
  const { SYSTEM } = await import("../lib/auth/roles");
  const { stripeClient } = await import("../lib/payment-methods/stripe-client");
  const { chargeDueInvoices } = await import("../lib/payments/stripe/charge-due-invoices");
  const { db } = await import("../lib/db");

  const stripe = stripeClient();
  const f0 = performance.now();
  await pool(INVOICES, CONCURRENCY, (i) =>
    stripe.paymentIntents.create(
      {
        amount: 30000,
        currency: "zar",
        customer: `cus_floor_${i}`,
        payment_method: `pm_ok_floor_${i}`,
        off_session: true,
        confirm: true,
      },
      { idempotencyKey: `floor:${i}` },
    ),
  );
  const floor = (performance.now() - f0) / 1000;

  const t0 = performance.now();
  const result = await chargeDueInvoices({ actor: SYSTEM, concurrency: CONCURRENCY });
  const sweep = (performance.now() - t0) / 1000;
  const r0 = performance.now();
  const again = await chargeDueInvoices({ actor: SYSTEM, concurrency: CONCURRENCY });
  const rerun = (performance.now() - r0) / 1000;
  const paid = await db.invoice.count({ where: { status: "PAID" } });
  console.log(
    `fake Stripe floor: ${INVOICES} PaymentIntents in ${floor.toFixed(2)} s (${(INVOICES / floor).toFixed(0)}/s), ${CONCURRENCY} in flight`,
  );
  console.log(
    `charge-due sweep: ${JSON.stringify(result)} in ${sweep.toFixed(2)} s (${(INVOICES / sweep).toFixed(0)} invoices/s)`,
  );
  console.log(`ratio to the floor: ${(sweep / floor).toFixed(1)}×`);
  console.log(
    `load average: ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")} (2 cores, shared)`,
  );
  console.log(
    `re-run: ${JSON.stringify(again)} in ${rerun.toFixed(2)} s; invoices paid: ${paid}/${INVOICES}`,
  );
  if (paid !== INVOICES || again.charged !== 0) process.exitCode = 1;
} finally {
  await bench.close();
}
