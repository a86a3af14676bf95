// Invoice."settledOn" is kept by database triggers so receivables aging on a past day and days to
// pay read an index instead of every payment. Here it is compared with what the detail says (the
// invoice's allocations, credit notes and void) on a generated history with partial payments, a
// reversal, credit notes on paid and open invoices, a void, and a writer that updates the invoice
// before inserting its allocation (as a set-based booking path may); and the aging report on every
// day of the history equals the open amounts recomputed from the detail alone.
import Decimal from "decimal.js";
import { beforeAll, describe, expect, test } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/roles";
import { seedDemo } from "@/lib/demo/seed-demo";
import { issueCreditNote } from "@/lib/invoices/issue-credit-note";
import { voidInvoice } from "@/lib/invoices/void-invoice";
import { recordManualPayment } from "@/lib/payments/record-manual-payment";
import { reversePayment } from "@/lib/payments/reverse-payment";
import { setClock } from "@/lib/time/clock";
import { getAgingReport } from "@/lib/reports/get-aging-report";
import { getPaymentsReport } from "@/lib/reports/get-payments-report";

const TODAY = "2026-02-15";
let admin: Actor;

/** settledOn recomputed from the detail, for every invoice whose stored value differs. */
const mismatches = () => db.$queryRaw<
  { number: string; stored: Date | null; detail: Date | null }[]
>`
  WITH z AS (SELECT COALESCE((SELECT "timeZone" FROM "IspSettings" WHERE id = 1), 'UTC') AS tz),
  detail AS (
    SELECT i.id, i.number, i."settledOn" AS stored,
      CASE WHEN i.status IN ('PAID', 'VOID') THEN GREATEST(
        (SELECT max(p."receivedOn") FROM "PaymentAllocation" a JOIN "Payment" p ON p.id = a."paymentId"
          WHERE a."invoiceId" = i.id),
        (SELECT max((cn."issuedAt" AT TIME ZONE z.tz)::date) FROM "CreditNote" cn WHERE cn."invoiceId" = i.id),
        (i."voidedAt" AT TIME ZONE z.tz)::date) END AS detail
    FROM "Invoice" i, z)
  SELECT number, stored, detail FROM detail WHERE stored IS DISTINCT FROM detail`;

/** Open amount per customer on a day from the detail alone: every finalised invoice issued by the
 *  day and not voided by it, less allocations of payments received and credit notes issued by it. */
const openFromDetail = (day: string) => db.$queryRaw<{ customerId: string; open: bigint }[]>`
  WITH z AS (SELECT COALESCE((SELECT "timeZone" FROM "IspSettings" WHERE id = 1), 'UTC') AS tz),
  open AS (
    SELECT i."customerId", i.total
      - COALESCE((SELECT SUM(a.amount) FROM "PaymentAllocation" a JOIN "Payment" p ON p.id = a."paymentId"
          WHERE a."invoiceId" = i.id AND p."receivedOn" <= ${day}::date), 0)
      - COALESCE((SELECT SUM(cn.total) FROM "CreditNote" cn
          WHERE cn."invoiceId" = i.id AND (cn."issuedAt" AT TIME ZONE z.tz)::date <= ${day}::date), 0) AS open
    FROM "Invoice" i, z
    WHERE i.status <> 'DRAFT' AND i."issueDate" <= ${day}::date
      AND (i."voidedAt" IS NULL OR (i."voidedAt" AT TIME ZONE z.tz)::date > ${day}::date))
  SELECT "customerId", SUM(open) AS open FROM open WHERE open > 0 GROUP BY 1 ORDER BY 1`;

beforeAll(async () => {
  await seedDemo({
    adminEmail: "admin@demo.test",
    adminPassword: "admin-password-1",
    staffPassword: "staff-password-1",
    customers: 40,
    today: new Date(`${TODAY}T12:00:00Z`),
  });
  const a = await db.user.findUniqueOrThrow({ where: { email: "admin@demo.test" } });
  admin = { kind: "user", id: a.id, role: "ADMIN", name: a.name };
  setClock(new Date(`${TODAY}T12:00:00Z`));

  // A credit note on a paid invoice (releases allocations), one on an open invoice, a void.
  const paid = await db.invoice.findFirstOrThrow({
    where: { status: "PAID", total: { gt: 5000 } },
    orderBy: { number: "asc" },
  });
  await issueCreditNote({ actor: admin, invoiceId: paid.id, amount: 5000, reason: "Outage" });
  const open = await db.invoice.findMany({
    where: { status: "OPEN", amountPaid: 0, total: { gt: 2000 } },
    orderBy: { number: "asc" },
    take: 4,
  });
  expect(open).toHaveLength(4);
  await issueCreditNote({ actor: admin, invoiceId: open[0].id, amount: 1234, reason: "Goodwill" });
  await voidInvoice({ actor: admin, invoiceId: open[1].id, reason: "Billed in error" });
  // A partial payment received a week ago, then the rest today: settled today.
  const [late] = open.slice(2);
  const half = Math.floor(late.total / 2);
  for (const [amount, receivedOn] of [
    [half, "2026-02-08"],
    [late.total - half, TODAY],
  ] as const)
    await recordManualPayment({
      actor: admin,
      customerId: late.customerId,
      amount,
      currency: late.currency,
      method: "EFT",
      receivedOn,
      allocations: [{ invoiceId: late.id, amount }],
      sendReceipt: false,
    });
  // A payment that settled an invoice is reversed: the invoice is owed again.
  const settling = await db.paymentAllocation.findFirstOrThrow({
    where: { invoice: { status: "PAID", amountCredited: 0 }, payment: { status: "SUCCEEDED" } },
    orderBy: { payment: { receivedOn: "asc" } },
  });
  await reversePayment({ actor: admin, paymentId: settling.paymentId, reason: "Cheque bounced" });

  // A writer that marks the invoice paid first and adds the allocation after it, in one
  // transaction (the order a set-based booking path may use): money received yesterday.
  const last = open[3];
  const payment = await recordManualPayment({
    actor: admin,
    customerId: last.customerId,
    amount: last.total,
    currency: last.currency,
    method: "EFT",
    receivedOn: "2026-02-14",
    allocations: [],
    sendReceipt: false,
  });
  await db.$transaction(async (tx) => {
    await tx.invoice.update({
      where: { id: last.id },
      data: { amountPaid: last.total, status: "PAID" },
    });
    await tx.paymentAllocation.create({
      data: { paymentId: payment.id, invoiceId: last.id, amount: last.total },
    });
    await tx.payment.update({ where: { id: payment.id }, data: { unallocated: 0 } });
  });
}, 180_000);

describe("settledOn", () => {
  test("equals the day the detail says every invoice was settled, null while owed", async () => {
    expect(await mismatches()).toEqual([]);
    const kinds = await db.$queryRaw<{ status: string; settled: number; n: number }[]>`
      SELECT status::text, COUNT("settledOn")::int AS settled, COUNT(*)::int AS n
      FROM "Invoice" GROUP BY 1 ORDER BY 1`;
    for (const k of kinds) {
      if (k.status === "PAID" || k.status === "VOID") expect(k.settled, k.status).toBe(k.n);
      else expect(k.settled, k.status).toBe(0);
    }
    expect(kinds.map((k) => k.status)).toEqual(expect.arrayContaining(["PAID", "VOID", "OPEN"]));
  });

  test("the invoice paid before its allocation was written is settled on the payment's day", async () => {
    const row = await db.invoice.findFirstOrThrow({
      where: {
        status: "PAID",
        allocations: { some: { payment: { receivedOn: new Date("2026-02-14") } } },
      },
      select: { settledOn: true },
    });
    expect(row.settledOn?.toISOString().slice(0, 10)).toBe("2026-02-14");
  });
});

describe("aging on every day of the history", () => {
  test("per customer and in total it equals the open amounts recomputed from the detail", async () => {
    const first = await db.invoice.aggregate({ _min: { issueDate: true } });
    const start = first._min.issueDate!;
    let days = 0;
    for (let d = new Date(start); d <= new Date(TODAY); d.setUTCDate(d.getUTCDate() + 1)) {
      const day = d.toISOString().slice(0, 10);
      const [aging, detail] = await Promise.all([
        getAgingReport({ actor: admin, asOf: day }),
        openFromDetail(day),
      ]);
      const report = aging.customers
        .map((c) => ({ customerId: c.customerId, open: c.total }))
        .sort((a, b) => a.customerId.localeCompare(b.customerId));
      expect(report, day).toEqual(
        detail.map((r) => ({ customerId: r.customerId, open: Number(r.open) })),
      );
      days++;
    }
    expect(days).toBeGreaterThan(60);
  }, 120_000);
});

describe("days to pay", () => {
  test("equals the figures from every paid invoice's allocations", async () => {
    const from = "2025-01-01";
    const report = await getPaymentsReport({ actor: admin, from, to: TODAY });
    const [d] = await db.$queryRaw<
      {
        invoices: number;
        avg: string | null;
        p50: number | null;
        p90: number | null;
        onTime: number;
      }[]
    >`
      WITH paid AS (
        SELECT i.id, i."issueDate", i."dueDate", MAX(p."receivedOn") AS "paidOn"
        FROM "Invoice" i JOIN "PaymentAllocation" a ON a."invoiceId" = i.id JOIN "Payment" p ON p.id = a."paymentId"
        WHERE i.status = 'PAID' AND i."issueDate" BETWEEN ${from}::date AND ${TODAY}::date
        GROUP BY 1, 2, 3)
      SELECT COUNT(*)::int AS invoices, AVG(GREATEST(0, "paidOn" - "issueDate"))::numeric(10,1)::text AS avg,
        percentile_disc(0.5) WITHIN GROUP (ORDER BY GREATEST(0, "paidOn" - "issueDate")) AS p50,
        percentile_disc(0.9) WITHIN GROUP (ORDER BY GREATEST(0, "paidOn" - "issueDate")) AS p90,
        (COUNT(*) FILTER (WHERE "paidOn" <= "dueDate"))::int AS "onTime"
      FROM paid`;
    expect(d.invoices).toBeGreaterThan(20);
    expect(report.daysToPay).toEqual({
      invoices: d.invoices,
      average: d.avg,
      median: d.p50,
      p90: d.p90,
      onTimeRate: new Decimal(d.onTime).div(d.invoices).toFixed(4),
    });
  });
});
