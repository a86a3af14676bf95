// The invoices open on a day and what was still owed on each, after allocations and credit notes,
// as SQL shared by the aging report, its drill-down and the dashboard.
//
// An invoice was open on day D when it was finalised (issued) by D and not settled by D. The
// candidates are the invoices open now plus those settled, credited or voided after D (payments
// after D are found through Payment(receivedOn), so a recent D reads few rows). An allocation
// counts from its payment's received date: credit applied later to a new invoice counts from that
// invoice's issue date, which is never after D for a candidate. Allocations released when a
// payment is reversed or a paid invoice is credited are gone, so for days before such an event
// the invoice reads as owing more than it did (documented in lib/reports/README.md).
import { Prisma } from "@/lib/generated/prisma/client";
import type { IsoDate } from "@/lib/time/dates";

export const OPEN_STATUSES = Prisma.sql`('OPEN', 'PARTIALLY_PAID', 'UNCOLLECTIBLE')`;

/** A CTE body: id, customerId, number, issueDate, dueDate, total, open (minor units) on `asOf`. */
export function openInvoicesOn(asOf: IsoDate, timeZone: string, customerId?: string) {
  const d = Prisma.sql`${asOf}::date`;
  const own = customerId ? Prisma.sql`AND i."customerId" = ${customerId}` : Prisma.empty;
  return Prisma.sql`
    SELECT i.id, i."customerId", i.number, i."issueDate", i."dueDate", i.total,
      i.total
      - COALESCE((SELECT SUM(a.amount) FROM "PaymentAllocation" a JOIN "Payment" p ON p.id = a."paymentId"
                  WHERE a."invoiceId" = i.id AND p."receivedOn" <= ${d}), 0)
      - COALESCE((SELECT SUM(cn.total) FROM "CreditNote" cn
                  WHERE cn."invoiceId" = i.id AND (cn."issuedAt" AT TIME ZONE ${timeZone})::date <= ${d}), 0)
      AS open
    FROM "Invoice" i
    WHERE i.id IN (
      SELECT id FROM "Invoice" WHERE status IN ${OPEN_STATUSES}
      UNION SELECT a."invoiceId" FROM "Payment" p JOIN "PaymentAllocation" a ON a."paymentId" = p.id
        WHERE p."receivedOn" > ${d}
      UNION SELECT "invoiceId" FROM "CreditNote" WHERE (("issuedAt" AT TIME ZONE ${timeZone})::date) > ${d}
      UNION SELECT id FROM "Invoice" WHERE status = 'VOID' AND ("voidedAt" AT TIME ZONE ${timeZone})::date > ${d})
    AND i.status <> 'DRAFT' AND i."issueDate" <= ${d} ${own}`;
}
