// Receivables aging on any day: what each customer still owed on invoices, by how far past due,
// with the ledger balance on the same day beside it (the difference is unapplied customer credit).
import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { getSettings } from "@/lib/settings/get-settings";
import { dateInZone, fromDbDate, type IsoDate } from "@/lib/time/dates";
import { now } from "@/lib/time/clock";
import { AGING_BUCKETS, emptyBuckets, type BucketAmounts } from "./aging-buckets";
import { openInvoicesOn } from "./open-invoices-sql";
import { withWorkMem } from "./with-work-mem";

export type GetAgingReportOptions = { actor: Actor; asOf?: IsoDate; customerId?: string };

export async function getAgingReport({ actor, ...query }: GetAgingReportOptions) {
  assertCan(actor, "reports:read");
  return readAging(query);
}

type Row = {
  customerId: string;
  accountNumber: string;
  name: string;
  invoices: number;
} & Record<keyof BucketAmounts, bigint> &
  Record<`${keyof BucketAmounts}_n`, number>;

/** Days-past-due bounds wide enough to stand in for ±infinity in SQL. */
const FAR = 1_000_000;

/** The report without the permission check: for callers that authorised the reader already
 *  (the dashboard shows its totals to staff who may see balances). */
export async function readAging({ asOf, customerId }: { asOf?: IsoDate; customerId?: string }) {
  const { timeZone, currency } = await getSettings();
  const day = asOf ?? dateInZone(now(), timeZone);
  const d = Prisma.sql`${day}::date`;
  const buckets = AGING_BUCKETS.map((b) => {
    const lo = Number.isFinite(b.min) ? b.min : -FAR;
    const hi = Number.isFinite(b.max) ? b.max : FAR;
    const within = Prisma.sql`${d} - o."dueDate" BETWEEN ${lo} AND ${hi}`;
    return Prisma.sql`COALESCE(SUM(o.open) FILTER (WHERE ${within}), 0) AS ${Prisma.raw(`"${b.key}"`)},
      COUNT(*) FILTER (WHERE ${within})::int AS ${Prisma.raw(`"${b.key}_n"`)}`;
  });
  const [rows, ledger] = await Promise.all([
    withWorkMem(
      db.$queryRaw<Row[]>`
        WITH ${openInvoicesOn(day, timeZone, customerId)},
        owing AS (
          SELECT o."customerId", SUM(o.open) AS total, COUNT(*)::int AS invoices, ${Prisma.join(buckets)}
          FROM open_invoices o WHERE o.open > 0 GROUP BY o."customerId")
        SELECT w.*, c."accountNumber",
          COALESCE(c."companyName", c."firstName" || ' ' || c."lastName") AS name
        FROM owing w JOIN "Customer" c ON c.id = w."customerId"
        ORDER BY w.total DESC, c."accountNumber"`,
    ),
    db.$queryRaw<{ balance: bigint | null }[]>`
      SELECT SUM(amount) AS balance FROM "LedgerEntry" WHERE "effectiveDate" <= ${d}
      ${customerId ? Prisma.sql`AND "customerId" = ${customerId}` : Prisma.empty}`,
  ]);
  const totals = emptyBuckets();
  const counts = emptyBuckets();
  const customers = rows.map((r) => {
    const amounts = emptyBuckets();
    for (const b of AGING_BUCKETS) {
      amounts[b.key] = Number(r[b.key]);
      totals[b.key] += amounts[b.key];
      counts[b.key] += r[`${b.key}_n`];
    }
    const total = Object.values(amounts).reduce((a, b) => a + b, 0);
    return {
      customerId: r.customerId,
      accountNumber: r.accountNumber,
      name: r.name,
      invoices: r.invoices,
      total,
      ...amounts,
    };
  });
  const total = Object.values(totals).reduce((a, b) => a + b, 0);
  return {
    asOf: day,
    currency,
    total,
    ledgerBalance: Number(ledger[0]?.balance ?? 0),
    buckets: AGING_BUCKETS.map((b) => ({
      key: b.key,
      label: b.label,
      amount: totals[b.key],
      invoices: counts[b.key],
    })),
    customers,
    invoices: customerId ? await agingInvoices(day, timeZone, customerId) : undefined,
  };
}

async function agingInvoices(day: IsoDate, timeZone: string, customerId: string) {
  const rows = await db.$queryRaw<
    {
      id: string;
      number: string | null;
      issueDate: Date;
      dueDate: Date;
      total: number;
      open: bigint;
      days: number;
    }[]
  >`
    WITH ${openInvoicesOn(day, timeZone, customerId)}
    SELECT o.id, o.number, o."issueDate", o."dueDate", o.total, o.open,
      (${day}::date - o."dueDate")::int AS days
    FROM open_invoices o WHERE o.open > 0 ORDER BY o."dueDate", o.number`;
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    issueDate: fromDbDate(r.issueDate),
    dueDate: fromDbDate(r.dueDate),
    total: r.total,
    open: Number(r.open),
    daysOverdue: Math.max(0, r.days),
  }));
}

export type AgingReport = Awaited<ReturnType<typeof readAging>>;
