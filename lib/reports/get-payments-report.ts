// Payments over a range: money collected by method and rail (provider), failure rate of charge
// attempts and return (reversal) rate by reason, days from invoice to payment, and how many live
// customers pay automatically (a default saved card or debit order).
import "server-only";
import Decimal from "decimal.js";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { PaymentMethodKind, PaymentProvider } from "@/lib/generated/prisma/enums";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { getSettings } from "@/lib/settings/get-settings";
import type { ReportRange } from "./report-range-schema";
import { withWorkMem } from "./with-work-mem";

export type GetPaymentsReportOptions = { actor: Actor } & ReportRange;

const share = (part: number, whole: number) =>
  whole ? new Decimal(part).div(whole).toFixed(4) : "0";

export async function getPaymentsReport({ actor, from, to }: GetPaymentsReportOptions) {
  assertCan(actor, "reports:read");
  const { currency } = await getSettings();
  const range = Prisma.sql`p."receivedOn" BETWEEN ${from}::date AND ${to}::date`;
  const [byMethod, reasons, daysToPay, autopay] = await Promise.all([
    db.$queryRaw<
      {
        method: PaymentMethodKind;
        provider: PaymentProvider;
        received: number;
        amount: bigint;
        failed: number;
        reversed: number;
      }[]
    >`
      SELECT p.method, p.provider,
        (COUNT(*) FILTER (WHERE p.status NOT IN ('PENDING', 'FAILED')))::int AS received,
        COALESCE(SUM(p.amount) FILTER (WHERE p.status NOT IN ('PENDING', 'FAILED', 'REVERSED')), 0) AS amount,
        (COUNT(*) FILTER (WHERE p.status = 'FAILED'))::int AS failed,
        (COUNT(*) FILTER (WHERE p.status = 'REVERSED'))::int AS reversed
      FROM "Payment" p WHERE ${range} GROUP BY 1, 2 ORDER BY 4 DESC`,
    db.$queryRaw<{ kind: string; reason: string; count: number; amount: bigint }[]>`
      SELECT CASE WHEN p.status = 'FAILED' THEN 'failure' ELSE 'return' END AS kind,
        COALESCE(CASE WHEN p.status = 'FAILED' THEN p."failureReason" ELSE p."reversalReason" END, 'No reason given') AS reason,
        COUNT(*)::int AS count, SUM(p.amount) AS amount
      FROM "Payment" p WHERE ${range} AND p.status IN ('FAILED', 'REVERSED')
      GROUP BY 1, 2 ORDER BY 3 DESC`,
    // Days to pay of the invoices paid in full (by payments, not credit), as a histogram: the
    // average and percentiles follow from it exactly. The day an invoice was paid is the latest
    // received day of its payments, which is its settledOn when no credit note had a part in
    // settling it; the few that were credited read it from their allocations.
    withWorkMem(
      db.$queryRaw<{ days: number; onTime: boolean; invoices: number }[]>`
      WITH paid AS (
        SELECT "issueDate", "dueDate", "settledOn" AS "paidOn" FROM "Invoice"
        WHERE status = 'PAID' AND "issueDate" BETWEEN ${from}::date AND ${to}::date
          AND "amountCredited" = 0 AND "settledOn" IS NOT NULL
        UNION ALL
        SELECT i."issueDate", i."dueDate", MAX(p."receivedOn")
        FROM "Invoice" i JOIN "PaymentAllocation" a ON a."invoiceId" = i.id JOIN "Payment" p ON p.id = a."paymentId"
        WHERE i.status = 'PAID' AND i."issueDate" BETWEEN ${from}::date AND ${to}::date
          AND i."amountCredited" > 0
        GROUP BY i.id, i."issueDate", i."dueDate")
      SELECT GREATEST(0, "paidOn" - "issueDate") AS days, "paidOn" <= "dueDate" AS "onTime",
        COUNT(*)::int AS invoices
      FROM paid GROUP BY 1, 2 ORDER BY 1, 2`,
    ),
    db.$queryRaw<{ customers: number; automatic: number }[]>`
      SELECT COUNT(*)::int AS customers,
        (COUNT(*) FILTER (WHERE EXISTS (SELECT 1 FROM "PaymentMethod" m WHERE m."customerId" = c.id
           AND m."isDefault" AND m.kind IN ('CARD', 'DEBIT_ORDER'))))::int AS automatic
      FROM "Customer" c WHERE c.status IN ('ACTIVE', 'SUSPENDED')`,
  ]);
  const { onTime, ...d } = daysToPayOf(daysToPay);
  const a = autopay[0];
  return {
    from,
    to,
    currency,
    byMethod: byMethod.map((r) => ({
      method: r.method,
      provider: r.provider,
      received: r.received,
      amount: Number(r.amount),
      failed: r.failed,
      reversed: r.reversed,
      failureRate: share(r.failed, r.failed + r.received),
      returnRate: share(r.reversed, r.received),
    })),
    reasons: reasons.map((r) => ({
      kind: r.kind as "failure" | "return",
      reason: r.reason,
      count: r.count,
      amount: Number(r.amount),
    })),
    daysToPay: { ...d, onTimeRate: share(onTime, d.invoices) },
    autopay: {
      customers: a.customers,
      automatic: a.automatic,
      coverage: share(a.automatic, a.customers),
    },
  };
}

/** Count, average (one decimal, half away from zero), median and 90th percentile (the smallest
 *  value with at least that share of invoices at or below it) from a days histogram. */
function daysToPayOf(histogram: { days: number; onTime: boolean; invoices: number }[]) {
  const invoices = histogram.reduce((n, h) => n + h.invoices, 0);
  const onTime = histogram.reduce((n, h) => n + (h.onTime ? h.invoices : 0), 0);
  const total = histogram.reduce((n, h) => n + h.days * h.invoices, 0);
  const percentile = (q: number) => {
    let seen = 0;
    for (const h of histogram) {
      seen += h.invoices;
      if (seen >= q * invoices) return h.days;
    }
    return 0;
  };
  return {
    invoices,
    onTime,
    average: invoices ? new Decimal(total).div(invoices).toFixed(1, Decimal.ROUND_HALF_UP) : "0",
    median: percentile(0.5),
    p90: percentile(0.9),
  };
}

export type PaymentsReport = Awaited<ReturnType<typeof getPaymentsReport>>;
