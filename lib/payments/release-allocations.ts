import type { Tx } from "@/lib/db";

/**
 * Takes up to `amount` of payments off an invoice, newest payment first; the money goes back to
 * those payments' unallocated credit. The caller updates the invoice's amountPaid and status
 * (and holds its row lock). Returns how much was released.
 */
export async function releaseAllocations(
  tx: Tx,
  invoiceId: string,
  amount: number,
): Promise<number> {
  const allocations = await tx.paymentAllocation.findMany({
    where: { invoiceId },
    orderBy: { payment: { receivedAt: "desc" } },
  });
  let left = amount;
  for (const a of allocations) {
    if (left <= 0) break;
    const take = Math.min(a.amount, left);
    if (take === a.amount) await tx.paymentAllocation.delete({ where: { id: a.id } });
    else
      await tx.paymentAllocation.update({ where: { id: a.id }, data: { amount: a.amount - take } });
    await tx.payment.update({
      where: { id: a.paymentId },
      data: { unallocated: { increment: take }, receiptPdf: null },
    });
    left -= take;
  }
  return amount - left;
}
