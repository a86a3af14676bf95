// The receipt PDF for staff with payments:read or the customer who paid.
import { db } from "@/lib/db";
import { assertCustomerAccess, type Actor } from "@/lib/auth/roles";
import { notFound } from "@/lib/errors";
import { renderReceiptPdf } from "./render-receipt-pdf";

export type GetReceiptPdfOptions = { actor: Actor; paymentId: string };

export async function getReceiptPdf({
  actor,
  paymentId,
}: GetReceiptPdfOptions): Promise<{ filename: string; pdf: Buffer }> {
  const p = await db.payment.findUnique({
    where: { id: paymentId },
    select: { customerId: true, number: true },
  });
  if (!p) throw notFound("Receipt");
  assertCustomerAccess(actor, p.customerId, "payments:read");
  if (!p.number) throw notFound("Receipt"); // attempts that took no money have no receipt
  return { filename: `${p.number}.pdf`, pdf: await renderReceiptPdf(paymentId) };
}
