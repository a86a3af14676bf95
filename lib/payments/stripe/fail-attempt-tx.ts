// A charge attempt that took no money and has no PaymentIntent to settle (Stripe refused the
// request, or never received it): FAILED with the reason, announced as `payment.failed`.
import type { Tx } from "@/lib/db";
import { announcePaymentTx } from "../announce-payment-tx";

export async function failAttemptTx(tx: Tx, opts: { paymentId: string; reason: string }) {
  const changed = await tx.payment.updateMany({
    where: { id: opts.paymentId, status: "PENDING" },
    data: { status: "FAILED", failureReason: opts.reason.slice(0, 500) },
  });
  if (changed.count) await announcePaymentTx(tx, "payment.failed", opts.paymentId);
  return changed.count > 0;
}
