// Money rule 3 and 4 under stress: re-runs, concurrent runs, a run killed half-way, and the
// database key catching what code would miss.
import { spawn } from "node:child_process";
import { afterEach, beforeAll, describe, expect, test } from "vitest";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { SYSTEM } from "@/lib/auth/roles";
import { runBilling } from "@/lib/billing/run-billing";
import { setClock } from "@/lib/time/clock";
import { setupIsp, travelTo } from "./fixtures";

let productId = "";
beforeAll(async () => {
  const { vat } = await setupIsp();
  productId = (
    await db.product.create({
      data: { code: "BULK", name: "Bulk 50", kind: "PLAN", price: 29900, taxClassId: vat.id },
    })
  ).id;
});
afterEach(() => setClock(undefined));

/** `n` customers with one monthly subscription each starting on `start`, written with SQL. */
async function bulkSubscriptions(tag: string, n: number, start: string) {
  await db.$executeRawUnsafe(
    `INSERT INTO "Customer" (id, "accountNumber", "paymentReference", "firstName", "lastName", email, currency, status, "updatedAt")
     SELECT '${tag}' || lpad(g::text, 5, '0'), '${tag}A' || g, '${tag}R' || g, 'F', 'L', 'x' || g || '@e.x', 'ZAR', 'ACTIVE', now()
       FROM generate_series(1, $1) g`,
    n,
  );
  await db.$executeRawUnsafe(
    `INSERT INTO "Subscription" (id, "customerId", "productId", status, price, interval, "cycleMode", "startDate", "anchorDay", "nextBillDate", "updatedAt")
     SELECT '${tag}s' || g, '${tag}' || lpad(g::text, 5, '0'), $2, 'ACTIVE', 29900, 'MONTH', 'ANNIVERSARY', $3::date, extract(day from $3::date), $3::date, now()
       FROM generate_series(1, $1) g`,
    n,
    productId,
    start,
  );
}

async function assertBooks(tag: string, expectedInvoices: number) {
  const [dupes] = await db.$queryRawUnsafe<{ n: bigint }[]>(
    `SELECT count(*) AS n FROM (SELECT "subscriptionId", "periodStart" FROM "InvoiceLine" WHERE kind = 'RECURRING' GROUP BY 1, 2 HAVING count(*) > 1) d`,
  );
  expect(Number(dupes.n)).toBe(0);
  const invoices = await db.invoice.count({ where: { customerId: { startsWith: tag } } });
  expect(invoices).toBe(expectedInvoices);
  const numbers = (
    await db.invoice.findMany({ where: { number: { not: null } }, select: { number: true } })
  )
    .map((i) => Number(i.number!.slice(4)))
    .sort((a, b) => a - b);
  expect(numbers).toEqual(Array.from({ length: numbers.length }, (_, i) => i + 1)); // gapless from 1
  const series = await db.numberSeries.findUniqueOrThrow({ where: { code: "INVOICE" } });
  expect(series.nextNumber).toBe(numbers.length + 1);
  const [orphans] = await db.$queryRawUnsafe<{ n: bigint }[]>(
    `SELECT count(*) AS n FROM "Invoice" i WHERE i.status <> 'DRAFT' AND NOT EXISTS (SELECT 1 FROM "LedgerEntry" l WHERE l."sourceKey" = 'invoice:' || i.id)`,
  );
  expect(Number(orphans.n)).toBe(0);
}

describe("idempotent billing runs", () => {
  test("two runs at the same time bill every subscription once, with gapless numbers", async () => {
    await bulkSubscriptions("cc", 600, "2026-05-01");
    travelTo("2026-05-01");
    const [a, b] = await Promise.all([
      runBilling({ asOf: "2026-05-01", actor: SYSTEM, batchSize: 50 }),
      runBilling({ asOf: "2026-05-01", actor: SYSTEM, batchSize: 50 }),
    ]);
    expect(a.invoicesCreated + b.invoicesCreated).toBe(600);
    await assertBooks("cc", 600);
    const again = await runBilling({ asOf: "2026-05-01", actor: SYSTEM });
    expect(again.invoicesCreated).toBe(0);
  });

  test("the unique key refuses a second charge for a period even when the code is fooled", async () => {
    travelTo("2026-05-01");
    // Rewind one subscription as if its billing state had been lost.
    await db.subscription.update({
      where: { id: "ccs1" },
      data: { billedThrough: null, nextBillDate: new Date("2026-05-01") },
    });
    const run = await runBilling({ asOf: "2026-05-01", actor: SYSTEM });
    expect(run).toMatchObject({ invoicesCreated: 0, conflicts: 1 });
    await assertBooks("cc", 600);
  });

  test("a run killed half-way restarts and completes with no duplicates and no gaps", async () => {
    await bulkSubscriptions("kk", 1500, "2026-06-01");
    const child = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        "scripts/billing.ts",
        "run",
        "--as-of",
        "2026-06-01",
        "--batch-size",
        "25",
      ],
      {
        env: {
          ...process.env,
          DATABASE_URL: env.DATABASE_URL,
          LASTMILE_FIXED_NOW: "2026-06-01T07:00:00.000Z",
        },
        stdio: "ignore",
      },
    );
    let billed = 0;
    for (let i = 0; i < 600 && billed < 100; i++) {
      await new Promise((r) => setTimeout(r, 50));
      billed = await db.invoice.count({ where: { customerId: { startsWith: "kk" } } });
    }
    child.kill("SIGKILL");
    await new Promise((r) => child.once("exit", r));
    const partial = await db.invoice.count({ where: { customerId: { startsWith: "kk" } } });
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(1500);
    const killed = await db.billingRun.findFirstOrThrow({ where: { trigger: "cli" } });
    expect(killed.status).toBe("RUNNING");

    travelTo("2026-06-01");
    const restart = await runBilling({ asOf: "2026-06-01", actor: SYSTEM });
    expect(restart.invoicesCreated).toBe(1500 - partial);
    await assertBooks("kk", 1500);
    // The killed run is recognised as interrupted once it has shown no progress for a while.
    setClock(new Date(Date.parse("2026-06-01T07:00:00Z") + 16 * 60_000));
    await runBilling({ asOf: "2026-06-01", actor: SYSTEM });
    expect((await db.billingRun.findUniqueOrThrow({ where: { id: killed.id } })).status).toBe(
      "FAILED",
    );
  });
});
