// The enabled rails as lines of plain text for the invoice email: the Pix "copia e cola" and the
// M-PESA paybill with the customer's account number, when they fit the invoice's currency.
import "server-only";
import { db, type Tx } from "@/lib/db";
import { loadMpesa } from "./load-rail";
import { invoiceBrCode } from "./pix/invoice-br-code";

export async function railPayLines(
  invoice: { number: string | null; currency: string; due: number; accountNumber: string },
  tx: Tx = db,
): Promise<string[]> {
  const lines: string[] = [];
  const pix = await invoiceBrCode(invoice, tx);
  if (pix) lines.push(`Pay with Pix (copia e cola): ${pix}`);
  const mpesa = await loadMpesa(tx);
  if (mpesa.enabled && invoice.currency === "KES" && invoice.due > 0 && mpesa.config.shortcode)
    lines.push(
      `Pay with M-PESA: Paybill ${mpesa.config.shortcode}, account number ${invoice.accountNumber}.`,
    );
  return lines;
}
