import type { CollectionBatch } from "@/lib/generated/prisma/client";
import { fromDbDate } from "@/lib/time/dates";

export const serializeBatch = (b: CollectionBatch) => ({
  id: b.id,
  messageId: b.messageId,
  collectionDate: fromDbDate(b.collectionDate),
  format: b.format,
  status: b.status,
  currency: b.currency,
  itemCount: b.itemCount,
  totalAmount: b.totalAmount,
  settledCount: b.settledCount,
  settledAmount: b.settledAmount,
  returnedCount: b.returnedCount,
  returnedAmount: b.returnedAmount,
  createdAt: b.createdAt.toISOString(),
  exportedAt: b.exportedAt?.toISOString() ?? null,
  submittedAt: b.submittedAt?.toISOString() ?? null,
  settledAt: b.settledAt?.toISOString() ?? null,
});
