// What an STK push ended as, from its callback or from the status query: ResultCode 0 records the
// payment (once, whichever arrives first); any other code is a failed attempt (1032: the customer
// cancelled; 1037: no answer from the phone; 2001: wrong PIN) that takes no money.
import "server-only";
import { db } from "@/lib/db";
import { now } from "@/lib/time/clock";
import { recordRailPaymentTx } from "../record-rail-payment-tx";

export type StkResult = {
  checkoutRequestId: string;
  resultCode: number;
  resultDesc: string;
  /** From the callback's metadata; the query does not carry them. */
  receiptNumber?: string;
  shillings?: number;
};

/** Returns what happened, or null when no charge has this CheckoutRequestID (yet). */
export async function applyStkResult(r: StkResult) {
  return db.$transaction(async (tx) => {
    const charge = await tx.railCharge.findUnique({
      where: { rail_providerRef: { rail: "MPESA", providerRef: r.checkoutRequestId } },
    });
    if (!charge) return null;
    if (r.resultCode === 0) {
      const res = await recordRailPaymentTx(tx, {
        customerId: charge.customerId,
        invoiceId: charge.invoiceId,
        chargeId: charge.id,
        amount: r.shillings !== undefined ? r.shillings * 100 : charge.amount,
        provider: "MPESA",
        // One key for both paths, so the callback and the query cannot both record it.
        externalId: `mpesa:stk:${r.checkoutRequestId}`,
        reference: r.receiptNumber ?? r.checkoutRequestId,
        receivedAt: now(),
      });
      if (r.receiptNumber && res.duplicate)
        await tx.payment.update({
          where: { id: res.paymentId },
          data: { reference: r.receiptNumber },
        });
      return { status: "PAID" as const, ...res };
    }
    await tx.railCharge.updateMany({
      where: { id: charge.id, status: "PENDING" },
      data: { status: "FAILED", failureReason: `${r.resultCode}: ${r.resultDesc}`.slice(0, 500) },
    });
    return { status: "FAILED" as const };
  });
}
