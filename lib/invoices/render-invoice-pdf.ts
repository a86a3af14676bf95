// Renders an invoice PDF and, once the invoice is finalised, stores it: rendered on
// `billing/invoice.finalized` or lazily on first request, never inside the billing run.
import "server-only";
import { renderToBuffer } from "@react-pdf/renderer";
import { createElement } from "react";
import { db } from "@/lib/db";
import { InvoiceDocument } from "@/lib/invoices/pdf/invoice-document";
import { loadInvoicePdfData } from "@/lib/invoices/pdf/invoice-pdf-data";
import { paymentQrDataUrl, paymentQrPayload } from "@/lib/invoices/pdf/payment-qr";
import { localLogo } from "@/lib/invoices/pdf/local-logo";

export async function renderInvoicePdf(
  invoiceId: string,
  opts: { store?: boolean } = {},
): Promise<Buffer> {
  const data = await loadInvoicePdfData(invoiceId);
  const due = data.broughtForward + data.total;
  const qr =
    due > 0 && data.payment.kind === "EFT"
      ? await paymentQrDataUrl(paymentQrPayload(data, due))
      : null;
  const logo = await localLogo(data.snapshot.isp.logoUrl);
  const pdf = await renderToBuffer(
    createElement(InvoiceDocument, { data, qr, logo }) as Parameters<typeof renderToBuffer>[0],
  );
  if (opts.store !== false && data.status !== "DRAFT") {
    await db.invoice.updateMany({
      where: { id: invoiceId, pdf: null },
      data: { pdf: new Uint8Array(pdf) },
    });
  }
  return pdf;
}
