// The QR code on an invoice: the Pix BR Code when the ISP prints one (Brazil); an EPC (SEPA
// credit transfer) code that banking apps read when the ISP bills in euro with an IBAN;
// otherwise a link to pay the invoice in the customer portal.
import QRCode from "qrcode";
import type { InvoicePdfData } from "./invoice-pdf-data";

export function paymentQrPayload(d: InvoicePdfData, amountDue: number): string {
  if (d.pixCopiaECola) return d.pixCopiaECola;
  const bank = d.snapshot.isp.bank;
  if (d.currency === "EUR" && bank.iban && amountDue > 0) {
    // EPC069-12 version 002: BIC optional; amount "EUR12.34"; unstructured remittance = reference.
    return [
      "BCD",
      "002",
      "1",
      "SCT",
      bank.bic ?? "",
      (bank.accountName ?? d.snapshot.isp.name).slice(0, 70),
      bank.iban.replace(/\s/g, ""),
      `EUR${(amountDue / 100).toFixed(2)}`,
      "",
      "",
      `${d.snapshot.customer.paymentReference} ${d.number ?? ""}`.trim().slice(0, 140),
    ].join("\n");
  }
  return d.payUrl;
}

export async function paymentQrDataUrl(payload: string): Promise<string> {
  return QRCode.toDataURL(payload, { errorCorrectionLevel: "M", margin: 1, width: 240 });
}
