// A debit the bank paid: its PENDING payment is received (receipt number, ledger entry) and
// applied to the invoices it collected; the mandate moves on to RCUR. Inside the caller's
// transaction; settling an item twice does nothing.
import "server-only";
import type { Tx } from "@/lib/db";
import { receiveAttemptTx } from "@/lib/payments/receive-payment-tx";
import { allocatePaymentTx } from "@/lib/payments/allocate-payment-tx";
import { announcePaymentTx } from "@/lib/payments/announce-payment-tx";
import { lockCustomerTx } from "@/lib/payments/lock-customer-tx";
import { now } from "@/lib/time/clock";
import { toDbDate, type IsoDate } from "@/lib/time/dates";

export async function settleItemTx(tx: Tx, itemId: string, settledOn: IsoDate): Promise<boolean> {
  const item = await tx.collectionItem.findUniqueOrThrow({
    where: { id: itemId },
    include: { invoices: true },
  });
  await lockCustomerTx(tx, item.customerId);
  const claimed = await tx.collectionItem.updateMany({
    where: { id: item.id, status: "PENDING" },
    data: { status: "SETTLED" },
  });
  if (claimed.count === 0) return false;
  // The debit's PENDING payment becomes the received one (the item claim above makes it once).
  await receiveAttemptTx(tx, {
    paymentId: item.paymentId,
    amount: item.amount,
    receivedAt: now(),
    receivedOn: settledOn,
  });
  await tx.collectionItemInvoice.updateMany({
    where: { itemId: item.id },
    data: { activeInvoiceId: null },
  });
  await allocatePaymentTx(tx, {
    paymentId: item.paymentId,
    customerId: item.customerId,
    onlyInvoiceIds: item.invoices.map((l) => l.invoiceId),
  });
  const mandate = await tx.debitMandate.findUniqueOrThrow({ where: { id: item.mandateId } });
  await tx.debitMandate.update({
    where: { id: mandate.id },
    data: {
      firstCollectedOn: mandate.firstCollectedOn ?? toDbDate(settledOn),
      lastCollectedOn: toDbDate(settledOn),
    },
  });
  await announcePaymentTx(tx, "payment.succeeded", item.paymentId);
  return true;
}
