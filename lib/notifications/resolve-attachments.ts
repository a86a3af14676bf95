// Invoice PDFs are attached by reference: a billing run queues tens of thousands of emails, and
// copying every PDF into its outbox row would store gigabytes twice. The PDF is read (or
// rendered and stored) when the message is sent.
import "server-only";
import { renderInvoicePdf } from "@/lib/invoices/render-invoice-pdf";
import { db } from "@/lib/db";
import type { Attachment, AttachmentRef } from "./mailer";

export async function resolveAttachments(
  list: (Attachment | AttachmentRef)[] | null | undefined,
): Promise<Attachment[] | undefined> {
  if (!list?.length) return undefined;
  return Promise.all(
    list.map(async (a) => {
      if (!("ref" in a)) return a;
      const stored = await db.invoice.findUnique({
        where: { id: a.ref.id },
        select: { pdf: true },
      });
      const pdf = stored?.pdf ? Buffer.from(stored.pdf) : await renderInvoicePdf(a.ref.id);
      return {
        filename: a.filename,
        contentType: a.contentType,
        contentBase64: pdf.toString("base64"),
      };
    }),
  );
}
