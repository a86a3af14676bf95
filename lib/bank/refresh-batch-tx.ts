// A batch's totals and status follow its items: no pending item left → SETTLED, or
// PARTIALLY_RETURNED when any was rejected or returned.
import "server-only";
import type { Tx } from "@/lib/db";
import { now } from "@/lib/time/clock";

export async function refreshBatchTx(tx: Tx, batchId: string) {
  const items = await tx.collectionItem.groupBy({
    by: ["status"],
    where: { batchId },
    _count: true,
    _sum: { amount: true },
  });
  const of = (s: string) => items.find((i) => i.status === s);
  const returned = ["REJECTED", "RETURNED"].map(of);
  const batch = await tx.collectionBatch.findUniqueOrThrow({ where: { id: batchId } });
  const pending = of("PENDING")?._count ?? 0;
  const failed = returned.reduce((n, r) => n + (r?._count ?? 0), 0);
  const status =
    batch.status === "CANCELLED" || pending > 0
      ? batch.status
      : failed > 0
        ? "PARTIALLY_RETURNED"
        : "SETTLED";
  await tx.collectionBatch.update({
    where: { id: batchId },
    data: {
      status,
      settledCount: of("SETTLED")?._count ?? 0,
      settledAmount: of("SETTLED")?._sum.amount ?? 0,
      returnedCount: failed,
      returnedAmount: returned.reduce((n, r) => n + (r?._sum.amount ?? 0), 0),
      settledAt: status !== batch.status && pending === 0 ? now() : batch.settledAt,
    },
  });
}
