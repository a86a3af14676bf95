import type { Tx } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { paymentDetails, serializePayment } from "./serialize-payment";

/** A payment as the API shows it, read inside the caller's transaction (no access check). */
export async function loadPaymentTx(tx: Tx, paymentId: string) {
  const p = await tx.payment.findUnique({ where: { id: paymentId }, include: paymentDetails });
  if (!p) throw notFound("Payment");
  return serializePayment(p);
}
