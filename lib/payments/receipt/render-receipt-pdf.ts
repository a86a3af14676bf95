// A payment's receipt PDF: the stored one, or rendered now and stored (like invoice PDFs). The
// stored copy is cleared whenever the payment's allocations or status change, so a receipt
// always shows where the money went.
import { renderToBuffer } from "@react-pdf/renderer";
import { createElement } from "react";
import { db } from "@/lib/db";
import { localLogo } from "@/lib/invoices/pdf/local-logo";
import { ReceiptDocument } from "./receipt-document";
import { loadReceiptPdfData } from "./receipt-pdf-data";

export async function renderReceiptPdf(paymentId: string): Promise<Buffer> {
  const stored = await db.payment.findUnique({
    where: { id: paymentId },
    select: { receiptPdf: true },
  });
  if (stored?.receiptPdf) return Buffer.from(stored.receiptPdf);
  const data = await loadReceiptPdfData(paymentId);
  const logo = await localLogo(data.isp.logoUrl);
  const pdf = await renderToBuffer(
    createElement(ReceiptDocument, { data, logo }) as Parameters<typeof renderToBuffer>[0],
  );
  await db.payment.updateMany({
    where: { id: paymentId, receiptPdf: null },
    data: { receiptPdf: new Uint8Array(pdf) },
  });
  return pdf;
}
