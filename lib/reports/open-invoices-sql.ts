// The invoices open on a day and what was still owed on each, after allocations and credit notes,
// as SQL shared by the aging report, its drill-down and the dashboard.
//
// An invoice was open on day D when it was finalised (issued) by D and not settled by D. The
// candidates are the invoices open now (read from a partial index that covers them) plus those
// issued by D and settled (paid in full, credited or voided) on or after D: Invoice."settledOn",
// kept by database triggers (migration reports_settled_on), read by a skip scan of its
// (issueDate, settledOn) index, so any D reads only the invoices that straddle it. "On or after"
// (not "after") leaves a day's margin for a change of the ISP's time zone; a candidate that was
// settled by D computes to nothing open and drops out, except one voided by D, left out here.
//
// What was paid by D is the invoice's amountPaid (the sum of its allocations, checked at every
// commit) less the allocations of payments received after D, looked up per candidate that has
// anything paid (a few index reads each; a join would hash every payment received after D). An allocation counts from its payment's received date: credit applied later to a
// new invoice counts from that invoice's issue date, which is never after D for a candidate.
// Allocations released when a payment is reversed or a paid invoice is credited are gone, so for
// days before such an event the invoice reads as owing more than it did (documented in README.md,
// Reports).
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
    candidates AS MATERIALIZED (
      SELECT ${columns} FROM "Invoice" i
      WHERE i.status IN ${OPEN_STATUSES} AND i."issueDate" <= ${d} ${own(`i."customerId"`)}
      UNION ALL
      SELECT ${columns} FROM "Invoice" i
      WHERE i."issueDate" <= ${d} AND i."settledOn" >= ${d} ${own(`i."customerId"`)}
        AND (i."voidedAt" IS NULL OR (i."voidedAt" AT TIME ZONE ${timeZone})::date > ${d})),
    paid_later AS MATERIALIZED (
      SELECT c.id, (SELECT SUM(a.amount) FROM "PaymentAllocation" a JOIN "Payment" p ON p.id = a."paymentId"
                    WHERE a."invoiceId" = c.id AND p."receivedOn" > ${d}) AS amount
      FROM candidates c WHERE c."amountPaid" > 0),
    notes AS MATERIALIZED (
      SELECT "invoiceId" AS id, SUM(total) AS credited FROM "CreditNote"
      WHERE ${noteDay} <= ${d} ${own(`"customerId"`)} GROUP BY 1),
    open_invoices AS MATERIALIZED (
      SELECT c.id, c."customerId", c.number, c."issueDate", c."dueDate", c.total,
        c.total - c."amountPaid" + COALESCE(pl.amount, 0) - COALESCE(n.credited, 0) AS open
      FROM candidates c LEFT JOIN paid_later pl ON pl.id = c.id LEFT JOIN notes n ON n.id = c.id)`;
}
