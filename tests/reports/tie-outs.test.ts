// The reports tie to the books on a generated history (the demo ISP's two months, plus credit
// notes, a void and a partial payment): aging = open invoice amounts = ledger balance less
// unapplied credit, on today and on past days; tax = invoice tax − credited − voided tax per rate;
// revenue = invoice totals and money received.
import { beforeAll, describe, expect, test } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/roles";
import { seedDemo } from "@/lib/demo/seed-demo";
import { issueCreditNote } from "@/lib/invoices/issue-credit-note";
import { voidInvoice } from "@/lib/invoices/void-invoice";
import { setClock } from "@/lib/time/clock";
import { getAgingReport } from "@/lib/reports/get-aging-report";
import { getTaxReport } from "@/lib/reports/get-tax-report";
import { getRevenueReport } from "@/lib/reports/get-revenue-report";
import { getMrrReport } from "@/lib/reports/get-mrr-report";
import { snapshotMrr } from "@/lib/reports/snapshot-mrr";
import { getDashboardSummary } from "@/lib/reports/get-dashboard-summary";
import { SYSTEM } from "@/lib/auth/roles";
import { getPaymentsReport } from "@/lib/reports/get-payments-report";
import { trainRiskModel } from "@/lib/reports/risk/train-risk-model";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { GET as riskRoute } from "@/app/api/v1/customers/[id]/risk/route";
import { callApi } from "../support/call-api";

const TODAY = "2026-02-15";
let admin: Actor;

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const ledgerOn = async (day: string) =>
  Number(
    (
      await db.$queryRaw<{ s: bigint | null }[]>`
        SELECT SUM(amount) AS s FROM "LedgerEntry" WHERE "effectiveDate" <= ${day}::date`
    )[0].s ?? 0,
  );

beforeAll(async () => {
  await seedDemo({
    adminEmail: "admin@demo.test",
    adminPassword: "admin-password-1",
    staffPassword: "staff-password-1",
    customers: 60,
    today: new Date(`${TODAY}T12:00:00Z`),
  });
  const a = await db.user.findUniqueOrThrow({ where: { email: "admin@demo.test" } });
  admin = { kind: "user", id: a.id, role: "ADMIN", name: a.name };
  setClock(new Date(`${TODAY}T12:00:00Z`));
}, 180_000);

describe("aging history", () => {
  // Before any credit note released allocations (see README.md, Reports: released allocations
  // are not dated, so days before such a release read as owing more than they did).
  test("on past days it equals the ledger balance of that day", async () => {
    for (const day of ["2025-12-20", "2026-01-01", "2026-01-20", "2026-02-01", "2026-02-14"]) {
      const aging = await getAgingReport({ actor: admin, asOf: day });
      expect(aging.total, day).toBe(await ledgerOn(day));
      expect(aging.ledgerBalance, day).toBe(aging.total);
    }
  });
});

describe("after credit notes and a void", () => {
  beforeAll(async () => {
    // A credit note on a paid invoice (releases allocations: unapplied credit appears), one on an
    // open invoice, and a void.
    const paid = await db.invoice.findFirstOrThrow({
      where: { status: "PAID" },
      orderBy: { number: "asc" },
    });
    await issueCreditNote({ actor: admin, invoiceId: paid.id, amount: 5000, reason: "Outage" });
    const open = await db.invoice.findMany({
      where: { status: "OPEN", amountPaid: 0 },
      orderBy: { number: "asc" },
      take: 2,
    });
    expect(open).toHaveLength(2);
    await issueCreditNote({
      actor: admin,
      invoiceId: open[0].id,
      amount: 1234,
      reason: "Goodwill",
    });
    await voidInvoice({ actor: admin, invoiceId: open[1].id, reason: "Billed in error" });
  });

  describe("receivables aging", () => {
    test("today: total = open invoice amounts = ledger balance − unapplied credit", async () => {
      const aging = await getAgingReport({ actor: admin });
      expect(aging.asOf).toBe(TODAY);
      const open = await db.invoice.findMany({
        where: { status: { in: ["OPEN", "PARTIALLY_PAID"] } },
        select: { total: true, amountPaid: true, amountCredited: true },
      });
      const openSum = sum(open.map((i) => i.total - i.amountPaid - i.amountCredited));
      expect(aging.total).toBeGreaterThan(0);
      expect(aging.total).toBe(openSum);
      expect(sum(aging.buckets.map((b) => b.amount))).toBe(aging.total);
      expect(sum(aging.customers.map((c) => c.total))).toBe(aging.total);
      const unapplied = await db.payment.aggregate({ _sum: { unallocated: true } });
      expect(aging.ledgerBalance).toBe(await ledgerOn(TODAY));
      expect(aging.ledgerBalance).toBe(aging.total - (unapplied._sum.unallocated ?? 0));
      // Some customers were left behind, so something is past due.
      expect(aging.total - aging.buckets[0].amount).toBeGreaterThan(0);
    });

    test("drill-down lists the customer's open invoices, adding up to their row", async () => {
      const aging = await getAgingReport({ actor: admin });
      const worst = aging.customers[0];
      const one = await getAgingReport({ actor: admin, customerId: worst.customerId });
      expect(one.customers).toEqual([worst]);
      expect(sum(one.invoices!.map((i) => i.open))).toBe(worst.total);
      expect(one.invoices!.length).toBe(worst.invoices);
    });

    test("staff without reports:read are refused", async () => {
      const sales: Actor = { kind: "user", id: "x", role: "SALES", name: "S" };
      await expect(getAgingReport({ actor: sales })).rejects.toMatchObject({ code: "FORBIDDEN" });
    });
  });

  describe("tax", () => {
    test("per rate: invoice tax − credited tax − voided tax", async () => {
      const report = await getTaxReport({ actor: admin, from: "2025-01-01", to: TODAY });
      const lines = await db.$queryRaw<{ rate: string; net: bigint; tax: bigint }[]>`
      SELECT l."taxRate"::float8::text AS rate, SUM(l."netAmount") AS net, SUM(l."taxAmount") AS tax
      FROM "InvoiceLine" l JOIN "Invoice" i ON i.id = l."invoiceId"
      WHERE i.status NOT IN ('DRAFT', 'VOID') GROUP BY 1`;
      const notes = await db.creditNote.aggregate({ _sum: { taxAmount: true, netAmount: true } });
      expect(report.totals.length).toBeGreaterThan(0);
      const byRate = Object.fromEntries(report.totals.map((t) => [t.rate, t.net]));
      // Every credit note here is on a single-rate invoice: all its tax is at that rate.
      const main = lines.find((l) => Number(l.tax) > 0)!;
      expect(byRate[main.rate].tax).toBe(Number(main.tax) - (notes._sum.taxAmount ?? 0));
      expect(sum(report.totals.map((t) => t.net.tax))).toBe(
        sum(lines.map((l) => Number(l.tax))) - (notes._sum.taxAmount ?? 0),
      );
      expect(sum(report.totals.map((t) => t.net.net))).toBe(
        sum(lines.map((l) => Number(l.net))) - (notes._sum.netAmount ?? 0),
      );
      // Months add up to the totals.
      expect(sum(report.rows.map((r) => r.net.tax))).toBe(sum(report.totals.map((t) => t.net.tax)));
    });
  });

  describe("revenue", () => {
    test("invoiced and collected tie to invoices, credit notes and received payments", async () => {
      const report = await getRevenueReport({ actor: admin, from: "2025-01-01", to: TODAY });
      const invoices = await db.invoice.aggregate({
        where: { status: { not: "DRAFT" } },
        _sum: { total: true },
      });
      const notes = await db.creditNote.aggregate({ _sum: { total: true } });
      const voided = await db.invoice.aggregate({
        where: { status: "VOID" },
        _sum: { total: true },
      });
      const paid = await db.payment.aggregate({
        where: { status: "SUCCEEDED" },
        _sum: { amount: true },
      });
      const p = report.periods;
      expect(sum(p.map((x) => x.invoiced))).toBe(invoices._sum.total);
      expect(sum(p.map((x) => x.credited))).toBe(notes._sum.total);
      expect(sum(p.map((x) => x.voided))).toBe(voided._sum.total);
      expect(sum(p.map((x) => x.collected))).toBe(paid._sum.amount);
      expect(sum(report.byMethod.map((m) => m.amount))).toBe(paid._sum.amount);
      expect(sum(report.byPlan.map((m) => m.total))).toBe(invoices._sum.total);
    });
  });
});

describe("MRR", () => {
  test("closing(m) = opening(m+1); movements add up; the last closing is today's live MRR", async () => {
    const report = await getMrrReport({ actor: admin, from: "2025-11-01", to: TODAY });
    const m = report.months;
    expect(m.map((x) => x.month)).toEqual(["2025-11", "2025-12", "2026-01", "2026-02"]);
    expect(m[0].opening).toBe(0); // no snapshots before the demo's history
    for (let i = 0; i < m.length; i++) {
      const x = m[i];
      expect(x.closing - x.opening, x.month).toBe(
        x.new + x.reactivation + x.expansion - x.contraction - x.churn,
      );
      if (i + 1 < m.length) expect(m[i + 1].opening, x.month).toBe(x.closing);
    }
    // The demo history has joiners, leavers and plan changes.
    expect(sum(m.map((x) => x.new))).toBeGreaterThan(0);
    expect(sum(m.slice(1).map((x) => x.churn))).toBeGreaterThan(0);
    expect(sum(m.slice(1).map((x) => x.expansion + x.contraction))).toBeGreaterThan(0);
    const last = m[m.length - 1];
    expect(last.closingDay).toBe(TODAY);
    const live = await snapshotMrr({ actor: SYSTEM, day: TODAY });
    expect(last.closing).toBe(live.mrr);
    expect(last.closingSubscribers).toBeGreaterThan(0);
    expect(last.arpu).toBe(Math.round(last.closing / last.closingSubscribers));
    const b = report.breakdown!;
    for (const list of [b.byPlan, b.byTechnology, b.byArea])
      expect(sum(list.map((g) => g.mrr))).toBe(last.closing);
  });

  test("the dashboard shows the same MRR and overdue figures as the reports", async () => {
    const dash = await getDashboardSummary({ actor: admin });
    const mrr = await getMrrReport({ actor: admin, from: TODAY, to: TODAY });
    const aging = await getAgingReport({ actor: admin });
    expect(dash.mrr).toBe(mrr.months[0].closing);
    expect(dash.overdue!.amount).toBe(aging.total - aging.buckets[0].amount);
  });
});

describe("payments", () => {
  test("collections by method tie to received payments; failures carry their reasons", async () => {
    const report = await getPaymentsReport({ actor: admin, from: "2025-01-01", to: TODAY });
    const received = await db.payment.aggregate({
      where: { status: "SUCCEEDED" },
      _sum: { amount: true },
    });
    const failed = await db.payment.count({ where: { status: "FAILED" } });
    expect(sum(report.byMethod.map((m) => m.amount))).toBe(received._sum.amount);
    expect(sum(report.byMethod.map((m) => m.failed))).toBe(failed);
    expect(sum(report.reasons.filter((r) => r.kind === "failure").map((r) => r.count))).toBe(
      failed,
    );
    expect(report.byMethod.map((m) => m.method)).toEqual(
      expect.arrayContaining(["EFT", "DEBIT_ORDER"]),
    );
    expect(report.daysToPay.invoices).toBeGreaterThan(0);
    expect(Number(report.daysToPay.onTimeRate)).toBeGreaterThan(0);
  });
});

describe("payment risk", () => {
  test("trains on the history, scores customers with at most three reasons; API reads it", async () => {
    const result = await trainRiskModel({ actor: SYSTEM });
    expect(result).toMatchObject({ samples: expect.any(Number) });
    expect(result.trained).toBe(true);
    const scores = await db.riskScore.findMany();
    expect(scores.length).toBeGreaterThan(0);
    const key = (await createApiKey({ actor: admin, name: "risk", role: "ACCOUNTS" })).key;
    const one = await callApi(riskRoute, "GET", `/customers/${scores[0].customerId}/risk`, {
      key,
      params: { id: scores[0].customerId },
    });
    expect(one.status).toBe(200);
    const p = Number(one.body.score.probability);
    expect(p).toBeGreaterThan(0);
    expect(p).toBeLessThan(1);
    expect(one.body.score.reasons.length).toBeLessThanOrEqual(3);
    const missing = await callApi(riskRoute, "GET", "/customers/nope/risk", {
      key,
      params: { id: "nope" },
    });
    expect(missing.status).toBe(404);
  });
});
