// Shared by bench/webhooks.ts and bench/charge-due.ts: an embedded PostgreSQL with the schema, an
// ISP, `n` customers each with a saved default card and one open invoice issued today (plain SQL,
// so setting up is not what is measured), and the fake Stripe the SDK is pointed at.
import "../lib/runtime/allow-server-only"; // first: lets server-only lib modules load in Node
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "../lib/db/embedded-postgres";
import { applyMigrations } from "../lib/db/schema-engine";
import { startFakeStripe } from "../tests/support/fake-stripe";

export const TODAY = "2026-11-10";
export const WEBHOOK_SECRET = "whsec_bench";

export async function paymentsBench(n: number) {
  const dir = await mkdtemp(path.join(os.tmpdir(), "lastmile-bench-pay-"));
  const server = await startEmbeddedPostgres({ dataDir: dir, persistent: false });
  const admin = new pg.Client({ connectionString: server.url("postgres") });
  await admin.connect();
  await admin.query("CREATE DATABASE bench");
  await admin.end();
  const url = server.url("bench");
  await applyMigrations(url);
  const stripe = await startFakeStripe();
  Object.assign(process.env, {
    DATABASE_URL: url, // before any lib module connects
    LOG_LEVEL: process.env.LOG_LEVEL ?? "silent",
    AUTH_SECRET: "bench-secret-bench-secret-bench",
    STRIPE_SECRET_KEY: "sk_test_bench",
    STRIPE_PUBLISHABLE_KEY: "pk_test_bench",
    STRIPE_API_BASE: stripe.url,
    STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
  });
  const { createIsp } = await import("../lib/setup/create-isp");
  const { setClock } = await import("../lib/time/clock");
  setClock(new Date(`${TODAY}T08:00:00Z`));
  await createIsp({
    name: "Bench ISP",
    country: "ZA",
    currency: "ZAR",
    timeZone: "Africa/Johannesburg",
    taxRate: 15,
    adminName: "Ada",
    adminEmail: "ada@bench.test",
    adminPassword: "bench-password-1",
  });
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  await c.query(
    `INSERT INTO "Customer" (id, "accountNumber", "firstName", "lastName", email, "paymentReference",
                             "stripeCustomerId", currency, status, "updatedAt")
     SELECT 'c' || g, 'B' || g, 'Bench', 'Customer ' || g, 'c' || g || '@bench.test', 'B' || g,
            'cus_bench_' || g, 'ZAR', 'ACTIVE', now()
       FROM generate_series(1, $1) g`,
    [n],
  );
  await c.query(
    `INSERT INTO "PaymentMethod" (id, "customerId", kind, "isDefault", "stripePaymentMethodId", "cardBrand", "cardLast4")
     SELECT 'm' || g, 'c' || g, 'CARD', true, 'pm_ok_' || g, 'visa', '4242' FROM generate_series(1, $1) g`,
    [n],
  );
  await c.query(
    `INSERT INTO "Invoice" (id, "customerId", number, status, currency, "issueDate", "dueDate",
                            subtotal, "taxTotal", total, "finalizedAt")
     SELECT 'i' || g, 'c' || g, 'INV-B' || g, 'OPEN', 'ZAR', $2::date, $2::date + 7, 26087, 3913, 30000, now()
       FROM generate_series(1, $1) g`,
    [n, TODAY],
  );
  await c.query(
    `INSERT INTO "LedgerEntry" ("customerId", kind, "sourceKey", amount, currency, description, "effectiveDate", "invoiceId")
     SELECT 'c' || g, 'INVOICE', 'invoice:i' || g, 30000, 'ZAR', 'Invoice', $2::date, 'i' || g
       FROM generate_series(1, $1) g`,
    [n, TODAY],
  );
  return {
    url,
    stripe,
    sql: c,
    async close() {
      await c.end();
      const { disconnectDb } = await import("../lib/db");
      await disconnectDb();
      await stripe.stop();
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Runs `fn(i)` for i in [0, n) with at most `concurrency` in flight. */
export async function pool(n: number, concurrency: number, fn: (i: number) => Promise<unknown>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) await fn(next++);
    }),
  );
}
