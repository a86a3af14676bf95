// Everything a credit-note PDF shows: the credit note, the invoice it corrects (its number, date
// and frozen snapshot of customer and ISP, so both documents carry the same details), how this
// customer pays, and the account balance right after it (ledger entries up to and including the
// credit note, in effective-date order), frozen with the stored PDF.
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { dateInZone, fromDbDate, type IsoDate } from "@/lib/time/dates";
import type { PaymentInstructions } from "@/lib/payment-methods/describe-payment";
import { readPaymentInstructions } from "@/lib/payment-methods/get-payment-instructions";
import type { InvoiceSnapshot } from "./invoice-pdf-data";

export type CreditNotePdfData = {
  id: string;
  number: string;
  issueDate: IsoDate;
  currency: string;
  reason: string;
  netAmount: number;
  taxAmount: number;
  total: number;
  invoice: { number: string; issueDate: IsoDate; total: number };
  snapshot: InvoiceSnapshot;
  balanceAfter: number;
  payment: PaymentInstructions;
};

export async function loadCreditNotePdfData(creditNoteId: string): Promise<CreditNotePdfData> {
  const note = await db.creditNote.findUnique({
    where: { id: creditNoteId },
    include: {
      invoice: { select: { number: true, issueDate: true, total: true, snapshot: true } },
      ledger: { select: { id: true, effectiveDate: true } },
    },
  });
  if (!note || !note.invoice.snapshot) throw notFound("Credit note");
  const snapshot = note.invoice.snapshot as InvoiceSnapshot;
  const own = note.ledger[0];
  const after = own
    ? await db.ledgerEntry.aggregate({
        where: {
          customerId: note.customerId,
          OR: [
            { effectiveDate: { lt: own.effectiveDate } },
            { effectiveDate: own.effectiveDate, id: { lte: own.id } },
          ],
        },
        _sum: { amount: true },
      })
    : null;
  const { timeZone } = await db.ispSettings.findUniqueOrThrow({
    where: { id: 1 },
    select: { timeZone: true },
  });
  return {
    id: note.id,
    number: note.number,
    issueDate: own ? fromDbDate(own.effectiveDate) : dateInZone(note.issuedAt, timeZone),
    currency: note.currency,
    reason: note.reason,
    netAmount: note.netAmount,
    taxAmount: note.taxAmount,
    total: note.total,
    invoice: {
      number: note.invoice.number ?? "",
      issueDate: fromDbDate(note.invoice.issueDate),
      total: note.invoice.total,
    },
    snapshot,
    balanceAfter: after?._sum.amount ?? 0,
    payment: await readPaymentInstructions(db, note.customerId),
  };
}
