// The invoices open on a day and what was still owed on each, after allocations and credit notes,
// as SQL shared by the aging report, its drill-down and the dashboard.
//
// An invoice was open on day D when it was finalised (issued) by D and not settled by D. The
// candidates are the invoices open now (read from a partial index that covers them) plus those
// settled, credited or voided after D (payments after D are found through Payment(receivedOn), so
// a recent D reads few rows). An allocation counts from its payment's received date: credit
// applied later to a new invoice counts from that invoice's issue date, which is never after D for
// a candidate. Allocations released when a payment is reversed or a paid invoice is credited are
// gone, so for days before such an event the invoice reads as owing more than it did (documented
// in README.md, Reports).
//
// What was paid by D is the invoice's amountPaid (the sum of its allocations, checked at every
// commit) less the allocations of payments received after D: this reads only the later payments
// instead of every allocation of every candidate.
import { Prisma } from "@/lib/generated/prisma/client";
import type { IsoDate } from "@/lib/time/dates";

export const OPEN_STATUSES = Prisma.sql`('OPEN', 'PARTIALLY_PAID', 'UNCOLLECTIBLE')`;

/** CTE definitions ending in `open_invoices`: id, customerId, number, issueDate, dueDate, total,
 *  open (minor units) on `asOf`; use as `WITH ${openInvoicesOn(…)} SELECT … FROM open_invoices`. */
export function openInvoicesOn(asOf: IsoDate, timeZone: string, customerId?: string) {
  const d = Prisma.sql`${asOf}::date`;
  const own = (col: string) =>
    customerId ? Prisma.sql`AND ${Prisma.raw(col)} = ${customerId}` : Prisma.empty;
  const noteDay = Prisma.sql`("issuedAt" AT TIME ZONE ${timeZone})::date`;
  const columns = Prisma.sql`i.id, i."customerId", i.number, i."issueDate", i."dueDate", i.total, i."amountPaid"`;
  return Prisma.sql`
    paid_later AS MATERIALIZED (
      SELECT a."invoiceId" AS id, SUM(a.amount) AS amount
      FROM "Payment" p JOIN "PaymentAllocation" a ON a."paymentId" = p.id
      WHERE p."receivedOn" > ${d} ${own(`p."customerId"`)} GROUP BY 1),
    notes AS MATERIALIZED (
      SELECT "invoiceId" AS id, SUM(total) FILTER (WHERE ${noteDay} <= ${d}) AS credited,
        bool_or(${noteDay} > ${d}) AS later
      FROM "CreditNote" WHERE true ${own(`"customerId"`)} GROUP BY 1),
    candidates AS (
      SELECT ${columns} FROM "Invoice" i
      WHERE i.status IN ${OPEN_STATUSES} AND i."issueDate" <= ${d} ${own(`i."customerId"`)}
      UNION ALL
      SELECT ${columns} FROM "Invoice" i
      WHERE i.id IN (
          SELECT id FROM paid_later UNION SELECT id FROM notes WHERE later
          UNION SELECT id FROM "Invoice" WHERE status = 'VOID' AND ("voidedAt" AT TIME ZONE ${timeZone})::date > ${d})
        AND i.status NOT IN ('DRAFT', 'OPEN', 'PARTIALLY_PAID', 'UNCOLLECTIBLE') AND i."issueDate" <= ${d}
        ${own(`i."customerId"`)}),
    open_invoices AS MATERIALIZED (
      SELECT c.id, c."customerId", c.number, c."issueDate", c."dueDate", c.total,
        c.total - c."amountPaid" + COALESCE(pl.amount, 0) - COALESCE(n.credited, 0) AS open
      FROM candidates c LEFT JOIN paid_later pl ON pl.id = c.id LEFT JOIN notes n ON n.id = c.id)`;
}
