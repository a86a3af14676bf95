// Queues the email that tells the customer about a credit note, with its PDF attached by reference
// (rendered and stored when the message is sent). Written in the credit note's own transaction
// (the outbox), once per credit note (dedupe key).
import type { Tx } from "@/lib/db";
import { appUrl } from "@/lib/env";
import { formatMoney } from "@/lib/money/format-money";
import { enqueueEmail } from "@/lib/notifications/enqueue-email";
import { describePayment } from "@/lib/payment-methods/describe-payment";
import { readPaymentInstructions } from "@/lib/payment-methods/get-payment-instructions";
import { ledgerBalance } from "@/lib/ledger/get-customer-balance";

export const creditNoteEmailKey = (creditNoteId: string) => `credit_note.issued:${creditNoteId}`;

export async function queueCreditNoteEmail(
  tx: Tx,
  note: {
    id: string;
    number: string;
    customerId: string;
    total: number;
    currency: string;
    reason: string;
  },
  invoiceNumber: string,
) {
  const [customer, settings, payment, balance] = await Promise.all([
    tx.customer.findUniqueOrThrow({
      where: { id: note.customerId },
      select: { email: true, firstName: true },
    }),
    tx.ispSettings.findUniqueOrThrow({ where: { id: 1 }, select: { name: true, locale: true } }),
    readPaymentInstructions(tx, note.customerId),
    ledgerBalance(tx, note.customerId),
  ]);
  const money = (n: number) => formatMoney(n, note.currency, settings.locale);
  const standing =
    balance > 0
      ? `Your balance is now ${money(balance)}. ${describePayment(payment)}`
      : balance < 0
        ? `Your account is in credit by ${money(-balance)}; it is set against your next invoice.`
        : "Your account is settled: there is nothing to pay.";
  return enqueueEmail(
    {
      to: customer.email,
      subject: `${settings.name} credit note ${note.number} (${money(note.total)})`,
      text: [
        `Hello ${customer.firstName},`,
        "",
        `We have credited ${money(note.total)} on invoice ${invoiceNumber}: ${note.reason}.`,
        `Credit note ${note.number} is attached.`,
        "",
        standing,
        "",
        `Your invoices and credit notes: ${appUrl()}/portal/invoices`,
        "",
        settings.name,
      ].join("\n"),
      attachments: [
        {
          filename: `${note.number}.pdf`,
          contentType: "application/pdf",
          ref: { kind: "credit_note_pdf", id: note.id },
        },
      ],
      customerId: note.customerId,
      dedupeKey: creditNoteEmailKey(note.id),
    },
    tx,
  );
}
