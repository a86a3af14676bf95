// A Pix Automático collection that took no money (the PSP rejected, cancelled or expired the
// `cobr`, or refused to create it): the charge fails, the invoice gets a FAILED automatic payment
// attempt (announced as `payment.failed`, like a declined card), and the authorisation becomes
// unusable, so dunning treats the customer as a manual payer until they authorise again.
// Compare-and-set on the charge: a replay or the status query racing the webhook fails it once.
import type { Tx } from "@/lib/db";
import { now } from "@/lib/time/clock";
import { announcePaymentTx } from "../../../announce-payment-tx";
import { lockCustomerTx } from "../../../lock-customer-tx";

export async function failCobrTx(tx: Tx, chargeId: string, reason: string) {
  const charge = await tx.railCharge.findUniqueOrThrow({ where: { id: chargeId } });
  await lockCustomerTx(tx, charge.customerId);
  const changed = await tx.railCharge.updateMany({
    where: { id: chargeId, status: "PENDING" },
    data: { status: "FAILED", failureReason: reason.slice(0, 500), settledAt: now() },
  });
  if (!changed.count) return false;
  if (charge.invoiceId) {
    const last = await tx.payment.aggregate({
      where: { attemptInvoiceId: charge.invoiceId, attemptKind: "AUTO_PAY" },
      _max: { attempt: true },
    });
    const attempt = await tx.payment.create({
      data: {
        customerId: charge.customerId,
        amount: charge.amount,
        currency: charge.currency,
        method: "PIX",
        provider: "PIX",
        status: "FAILED",
        failureReason: `Pix Automático: ${reason}`.slice(0, 500),
        reference: charge.providerRef,
        idempotencyKey: `cobr:${charge.providerRef}`,
        attemptInvoiceId: charge.invoiceId,
        attempt: (last._max.attempt ?? 0) + 1,
        attemptKind: "AUTO_PAY",
        createdAt: now(),
        receivedAt: now(),
      },
    });
    await announcePaymentTx(tx, "payment.failed", attempt.id);
  }
  if (charge.recurrenceId)
    await tx.pixRecurrence.updateMany({
      where: { id: charge.recurrenceId, usable: true },
      data: { usable: false, endReason: `collection failed: ${reason}`.slice(0, 500) },
    });
  return true;
}
