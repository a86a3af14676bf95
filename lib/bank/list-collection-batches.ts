import "server-only";
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { serializeBatch } from "./serialize-batch";

export type ListCollectionBatchesOptions = { actor: Actor; limit?: number };

export async function listCollectionBatches({ actor, limit = 100 }: ListCollectionBatchesOptions) {
  assertCan(actor, "payments:read");
  const rows = await db.collectionBatch.findMany({
    orderBy: [{ collectionDate: "desc" }, { createdAt: "desc" }],
    take: Math.min(Math.max(limit, 1), 500),
  });
  return rows.map(serializeBatch);
}
