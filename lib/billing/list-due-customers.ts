// The customers with something to bill on or before `asOf`, in id order after a cursor: due or
// ending subscriptions, due plan changes, and one-off charges of customers with no live
// subscription (others wait for their next invoice). Keyset paging keeps every batch cheap: each
// side reads the customer-id index from the cursor and stops at the batch size, so a run over 1M
// subscriptions reads each row once instead of sorting everything left on every batch.
import type { Tx } from "@/lib/db";
import type { IsoDate } from "@/lib/time/dates";
import { dueCondition } from "./load-billing-inputs";

export async function listDueCustomers(
  tx: Tx,
  opts: { asOf: IsoDate; after: string; limit: number },
): Promise<string[]> {
  const rows = await tx.$queryRawUnsafe<{ customerId: string }[]>(
    `SELECT "customerId" FROM (
        (SELECT DISTINCT s."customerId" FROM "Subscription" s
          WHERE s.status IN ('ACTIVE', 'SUSPENDED') AND s."startDate" IS NOT NULL AND s."customerId" > $2 AND ${dueCondition(1)}
          ORDER BY 1 LIMIT $3)
        UNION
        (SELECT DISTINCT o."customerId" FROM "OneOffCharge" o
          WHERE o."invoiceLineId" IS NULL AND o."chargeDate" <= $1::date AND o."customerId" > $2
            AND NOT EXISTS (SELECT 1 FROM "Subscription" l WHERE l."customerId" = o."customerId" AND l.status IN ('ACTIVE', 'SUSPENDED'))
          ORDER BY 1 LIMIT $3)
      ) due ORDER BY 1 LIMIT $3`,
    opts.asOf,
    opts.after,
    opts.limit,
  );
  return rows.map((r) => r.customerId);
}

export async function countDueSubscriptions(tx: Tx, asOf: IsoDate): Promise<number> {
  const [row] = await tx.$queryRawUnsafe<{ n: bigint }[]>(
    `SELECT count(*) AS n FROM "Subscription" s WHERE s.status IN ('ACTIVE', 'SUSPENDED') AND s."startDate" IS NOT NULL AND ${dueCondition(1)}`,
    asOf,
  );
  return Number(row.n);
}
