import type { Tx } from "@/lib/db";

/**
 * Takes up to `amount` of payments off an invoice, newest allocation first; the money stays on
 * the customer's ledger as unapplied credit. Returns how much was released.
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
    left -= take;
  }
  return amount - left;
}
