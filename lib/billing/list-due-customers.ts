// The customers with something to bill on or before `asOf`, in id order after a cursor: due or
// ending subscriptions, due plan changes, and one-off charges of customers with no live
// subscription (others wait for their next invoice). Keyset paging keeps every batch cheap: each
// side reads its customer-id index from the cursor and stops at the batch size (the one-off side
// also at the subscription side's last id), so a run over 1M subscriptions reads each row about
// once instead of sorting everything left on every batch. OFFSET 0 keeps the NOT EXISTS a per-row
// index probe: as an anti-join the planner would hash every live subscription on every batch.
import type { Tx } from "@/lib/db";
import type { IsoDate } from "@/lib/time/dates";
import { dueCondition } from "./load-billing-inputs";

export async function listDueCustomers(
  tx: Tx,
  opts: { asOf: IsoDate; after: string; limit: number },
): Promise<string[]> {
  const subscribed = await tx.$queryRawUnsafe<{ customerId: string }[]>(
    `SELECT DISTINCT s."customerId" FROM "Subscription" s
      WHERE s.status IN ('ACTIVE', 'SUSPENDED') AND s."startDate" IS NOT NULL AND s."customerId" > $2 AND ${dueCondition(1)}
      ORDER BY 1 LIMIT $3`,
    opts.asOf,
    opts.after,
    opts.limit,
  );
  // A full page bounds the batch: one-off-only customers past its last id wait for a later one.
  const upTo =
    subscribed.length === opts.limit ? subscribed[subscribed.length - 1].customerId : null;
  const oneOffOnly = await tx.$queryRawUnsafe<{ customerId: string }[]>(
    `SELECT DISTINCT o."customerId" FROM "OneOffCharge" o
      WHERE o."invoiceLineId" IS NULL AND o."chargeDate" <= $1::date AND o."customerId" > $2
        AND ($4::text IS NULL OR o."customerId" <= $4::text)
        AND NOT EXISTS (SELECT 1 FROM "Subscription" l WHERE l."customerId" = o."customerId" AND l.status IN ('ACTIVE', 'SUSPENDED') OFFSET 0)
      ORDER BY 1 LIMIT $3`,
    opts.asOf,
    opts.after,
    opts.limit,
    upTo,
  );
  const ids = [...subscribed, ...oneOffOnly].map((r) => r.customerId);
  // Both lists come sorted by the database's collation; merge them the same way.
  if (oneOffOnly.length && subscribed.length) {
    const order = await tx.$queryRawUnsafe<{ id: string }[]>(
      `SELECT DISTINCT id FROM unnest($1::text[]) AS v(id) ORDER BY 1 LIMIT $2`,
      ids,
      opts.limit,
    );
    return order.map((r) => r.id);
  }
  return ids;
}

export async function countDueSubscriptions(tx: Tx, asOf: IsoDate): Promise<number> {
  const [row] = await tx.$queryRawUnsafe<{ n: bigint }[]>(
    `SELECT count(*) AS n FROM "Subscription" s WHERE s.status IN ('ACTIVE', 'SUSPENDED') AND s."startDate" IS NOT NULL AND ${dueCondition(1)}`,
    asOf,
  );
  return Number(row.n);
}
