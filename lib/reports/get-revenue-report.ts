// Revenue per month: invoiced (finalised invoices by issue date), credited (credit notes), voided,
// and collected (money received, less reversals and refunds, on the days they happened), with
// invoiced net by plan and collections by payment method over the whole range.
import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { PaymentMethodKind } from "@/lib/generated/prisma/enums";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { getSettings } from "@/lib/settings/get-settings";
import { monthOf, zoneDate } from "./period-sql";
import type { ReportRange } from "./report-range-schema";
import { withWorkMem } from "./with-work-mem";

export type GetRevenueReportOptions = { actor: Actor } & ReportRange;

const RECEIVED = Prisma.sql`('SUCCEEDED', 'REVERSED', 'REFUNDED', 'DISPUTED')`;

export async function getRevenueReport({ actor, from, to }: GetRevenueReportOptions) {
  assertCan(actor, "reports:read");
  const { timeZone, currency } = await getSettings();
  const inRange = (col: Prisma.Sql) => Prisma.sql`${col} BETWEEN ${from}::date AND ${to}::date`;
  const voidDay = zoneDate(Prisma.sql`"voidedAt"`, timeZone);
  const noteDay = zoneDate(Prisma.sql`"issuedAt"`, timeZone);
  const reversedDay = zoneDate(Prisma.sql`"reversedAt"`, timeZone);
  const refundDay = zoneDate(Prisma.sql`r."createdAt"`, timeZone);
  type Sum = { period: string; amount: bigint };
  const [invoiced, credited, voided, received, reversed, refunded, byPlan] = await Promise.all([
    db.$queryRaw<Sum[]>`SELECT ${monthOf(Prisma.sql`"issueDate"`)} AS period, SUM(total) AS amount
        FROM "Invoice" WHERE status <> 'DRAFT' AND ${inRange(Prisma.sql`"issueDate"`)} GROUP BY 1`,
    db.$queryRaw<Sum[]>`SELECT ${monthOf(noteDay)} AS period, SUM(total) AS amount
        FROM "CreditNote" WHERE ${inRange(noteDay)} GROUP BY 1`,
    db.$queryRaw<Sum[]>`SELECT ${monthOf(voidDay)} AS period, SUM(total) AS amount
        FROM "Invoice" WHERE status = 'VOID' AND ${inRange(voidDay)} GROUP BY 1`,
    // Money received per month and method in one pass: the months' "received" and the
    // range's collections by method both add up from it.
    db.$queryRaw<(Sum & { method: PaymentMethodKind; count: number })[]>`
        SELECT ${monthOf(Prisma.sql`"receivedOn"`)} AS period, method, COUNT(*)::int AS count,
          SUM(amount) AS amount
        FROM "Payment" WHERE status IN ${RECEIVED} AND ${inRange(Prisma.sql`"receivedOn"`)}
        GROUP BY 1, 2`,
    db.$queryRaw<Sum[]>`SELECT ${monthOf(reversedDay)} AS period, SUM(amount) AS amount
        FROM "Payment" WHERE status = 'REVERSED' AND ${inRange(reversedDay)} GROUP BY 1`,
    db.$queryRaw<Sum[]>`SELECT ${monthOf(refundDay)} AS period, SUM(r.amount) AS amount
        FROM "Refund" r WHERE ${inRange(refundDay)} GROUP BY 1`,
    withWorkMem(
      db.$queryRaw<{ productId: string | null; name: string | null; net: bigint; total: bigint }[]>`
          SELECT s."productId", p.name, SUM(l."netAmount") AS net, SUM(l."totalAmount") AS total
          FROM "Invoice" i JOIN "InvoiceLine" l ON l."invoiceId" = i.id
          LEFT JOIN "Subscription" s ON s.id = l."subscriptionId"
          LEFT JOIN "Product" p ON p.id = s."productId"
          WHERE i.status <> 'DRAFT' AND ${inRange(Prisma.sql`i."issueDate"`)}
          GROUP BY 1, 2 ORDER BY 4 DESC`,
    ),
  ]);
  const methods = new Map<PaymentMethodKind, { count: number; amount: number }>();
  for (const r of received) {
    const m = methods.get(r.method) ?? { count: 0, amount: 0 };
    m.count += r.count;
    m.amount += Number(r.amount);
    methods.set(r.method, m);
  }
  const byMethod = [...methods.entries()]
    .map(([method, m]) => ({ method, ...m }))
    .sort((a, b) => b.amount - a.amount);
  const periods = new Map<string, Record<(typeof KEYS)[number], number>>();
  const KEYS = ["invoiced", "credited", "voided", "received", "reversed", "refunded"] as const;
  const sums = { invoiced, credited, voided, received, reversed, refunded };
  for (const k of KEYS)
    for (const s of sums[k]) {
      const p = periods.get(s.period) ?? Object.fromEntries(KEYS.map((x) => [x, 0]));
      p[k] += Number(s.amount);
      periods.set(s.period, p as Record<(typeof KEYS)[number], number>);
    }
  return {
    from,
    to,
    currency,
    periods: [...periods.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([period, p]) => ({
        period,
        ...p,
        netInvoiced: p.invoiced - p.credited - p.voided,
        collected: p.received - p.reversed - p.refunded,
      })),
    byPlan: byPlan.map((r) => ({
      productId: r.productId,
      name: r.name ?? "Once-off charges",
      net: Number(r.net),
      total: Number(r.total),
    })),
    byMethod,
  };
}

export type RevenueReport = Awaited<ReturnType<typeof getRevenueReport>>;
