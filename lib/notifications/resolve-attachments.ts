// Invoice, credit-note and receipt PDFs are attached by reference: a billing run queues tens of thousands
// of emails, and copying every PDF into its outbox row would store gigabytes twice. The PDF is
// read (or rendered and stored) when the message is sent.
import "server-only";
import { renderCreditNotePdf } from "@/lib/invoices/render-credit-note-pdf";
import { renderInvoicePdf } from "@/lib/invoices/render-invoice-pdf";
import { renderReceiptPdf } from "@/lib/payments/receipt/render-receipt-pdf";
import { db } from "@/lib/db";
import type { Attachment, AttachmentRef } from "./mailer";

async function referencedPdf(ref: AttachmentRef["ref"]): Promise<Buffer> {
  if (ref.kind === "receipt_pdf") return renderReceiptPdf(ref.id);
  if (ref.kind === "credit_note_pdf") {
    const note = await db.creditNote.findUnique({ where: { id: ref.id }, select: { pdf: true } });
    return note?.pdf ? Buffer.from(note.pdf) : renderCreditNotePdf(ref.id);
  }
  const invoice = await db.invoice.findUnique({ where: { id: ref.id }, select: { pdf: true } });
  return invoice?.pdf ? Buffer.from(invoice.pdf) : renderInvoicePdf(ref.id);
}

export async function resolveAttachments(
  list: (Attachment | AttachmentRef)[] | null | undefined,
): Promise<Attachment[] | undefined> {
  if (!list?.length) return undefined;
  return Promise.all(
    list.map(async (a) => {
      if (!("ref" in a)) return a;
      const pdf = await referencedPdf(a.ref);
      return {
        filename: a.filename,
        contentType: a.contentType,
        contentBase64: pdf.toString("base64"),
      };
    }),
  );
}
