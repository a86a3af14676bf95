// Renders an invoice PDF and, once the invoice is finalised, stores it: rendered on
// `billing/invoice.finalized` or lazily on first request, never inside the billing run.
import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { renderToBuffer } from "@react-pdf/renderer";
import { createElement } from "react";
import { db } from "@/lib/db";
import { InvoiceDocument } from "@/lib/invoices/pdf/invoice-document";
import { loadInvoicePdfData } from "@/lib/invoices/pdf/invoice-pdf-data";
import { paymentQrDataUrl, paymentQrPayload } from "@/lib/invoices/pdf/payment-qr";

/** A logo the renderer can use without the network: a data URL or a file under public/. */
export async function localLogo(url: string | null): Promise<string | null> {
  if (!url) return null;
  if (url.startsWith("data:image/")) return url;
  if (!url.startsWith("/")) return null;
  const file = path.join(process.cwd(), "public", path.normalize(url).replace(/^(\.\.[/\\])+/, ""));
  const ext = path.extname(file).slice(1).toLowerCase();
  if (!["png", "jpg", "jpeg"].includes(ext)) return null;
  const bytes = await readFile(file).catch(() => null);
  return bytes
    ? `data:image/${ext === "jpg" ? "jpeg" : ext};base64,${bytes.toString("base64")}`
    : null;
}

export async function renderInvoicePdf(
  invoiceId: string,
  opts: { store?: boolean } = {},
): Promise<Buffer> {
  const data = await loadInvoicePdfData(invoiceId);
  const due = data.broughtForward + data.total;
  const qr = due > 0 ? await paymentQrDataUrl(paymentQrPayload(data, due)) : null;
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
