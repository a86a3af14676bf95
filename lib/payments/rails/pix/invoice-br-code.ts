// The static BR Code printed on an invoice: the ISP's key, the open amount and the invoice number
// as txid, so the Pix webhook (or a statement line) names the invoice it pays.
import "server-only";
import { db, type Tx } from "@/lib/db";
import { loadPix } from "../load-rail";
import { buildStaticBrCode, staticTxid } from "./br-code";

export type InvoiceForPix = { number: string | null; currency: string; due: number };

/** The "copia e cola" text, or null when the ISP has no Pix key on invoices or it is not BRL. */
export async function invoiceBrCode(invoice: InvoiceForPix, tx: Tx = db): Promise<string | null> {
  if (invoice.currency !== "BRL" || invoice.due <= 0 || !invoice.number) return null;
  const pix = await loadPix(tx);
  const { key, merchantName, merchantCity, staticOnInvoices } = pix.config;
  if (!pix.enabled || !staticOnInvoices || !key || !merchantName || !merchantCity) return null;
  return buildStaticBrCode({
    key,
    merchantName,
    merchantCity,
    amount: invoice.due,
    txid: staticTxid(invoice.number),
  });
}
