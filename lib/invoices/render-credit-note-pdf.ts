// Renders a credit note's PDF and stores it once (like invoices): when its email is sent or on
// first download, whichever comes first; the stored copy is what the customer received.
import { renderToBuffer } from "@react-pdf/renderer";
import { createElement } from "react";
import { db } from "@/lib/db";
import { CreditNoteDocument } from "@/lib/invoices/pdf/credit-note-document";
import { loadCreditNotePdfData } from "@/lib/invoices/pdf/credit-note-pdf-data";
import { localLogo } from "@/lib/invoices/pdf/local-logo";

export async function renderCreditNotePdf(creditNoteId: string): Promise<Buffer> {
  const data = await loadCreditNotePdfData(creditNoteId);
  const logo = await localLogo(data.snapshot.isp.logoUrl);
  const pdf = await renderToBuffer(
    createElement(CreditNoteDocument, { data, logo }) as Parameters<typeof renderToBuffer>[0],
  );
  await db.creditNote.updateMany({
    where: { id: creditNoteId, pdf: null },
    data: { pdf: new Uint8Array(pdf) },
  });
  return pdf;
}
