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
    db.$queryRaw<
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
        WHERE i.status = 'PAID' AND i."issueDate" BETWEEN ${from}::date AND ${to}::date
        GROUP BY 1, 2, 3)
      SELECT COUNT(*)::int AS invoices, AVG(GREATEST(0, "paidOn" - "issueDate"))::numeric(10,1)::text AS avg,
        percentile_disc(0.5) WITHIN GROUP (ORDER BY GREATEST(0, "paidOn" - "issueDate")) AS p50,
        percentile_disc(0.9) WITHIN GROUP (ORDER BY GREATEST(0, "paidOn" - "issueDate")) AS p90,
        (COUNT(*) FILTER (WHERE "paidOn" <= "dueDate"))::int AS "onTime"
      FROM paid`,
    db.$queryRaw<{ customers: number; automatic: number }[]>`
      SELECT COUNT(*)::int AS customers,
        (COUNT(*) FILTER (WHERE EXISTS (SELECT 1 FROM "PaymentMethod" m WHERE m."customerId" = c.id
           AND m."isDefault" AND m.kind IN ('CARD', 'DEBIT_ORDER'))))::int AS automatic
      FROM "Customer" c WHERE c.status IN ('ACTIVE', 'SUSPENDED')`,
  ]);
  const d = daysToPay[0];
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
    daysToPay: {
      invoices: d.invoices,
      average: d.avg ?? "0",
      median: d.p50 ?? 0,
      p90: d.p90 ?? 0,
      onTimeRate: share(d.onTime, d.invoices),
    },
    autopay: {
      customers: a.customers,
      automatic: a.automatic,
      coverage: share(a.automatic, a.customers),
    },
  };
}

export type PaymentsReport = Awaited<ReturnType<typeof getPaymentsReport>>;
