// What a suspension does to the customer's services: soft (throttle + redirect, still ACTIVE)
// or hard (SUSPENDED with an open Suspension, so the billing engine's SKIP policy credits the
// days). Restore lifts exactly what dunning put on. The network follows the
// `subscriptions/subscription.changed` events the callers publish after commit (and radius.sync's
// five-minute sweep in any case).
import "server-only";
import type { Tx } from "@/lib/db";
import { now } from "@/lib/time/clock";
import { toDbDate, type IsoDate } from "@/lib/time/dates";
import { publish } from "@/lib/events/publish";
import { subscriptionChanged } from "@/lib/events/events";

export const DUNNING_SUSPENSION_REASON = "dunning";

export async function throttleServicesTx(tx: Tx, customerId: string): Promise<string[]> {
  const rows = await tx.$queryRawUnsafe<{ id: string }[]>(
    `UPDATE "Subscription" SET "softSuspendedAt" = $2, "updatedAt" = $2
      WHERE "customerId" = $1 AND status = 'ACTIVE' AND "softSuspendedAt" IS NULL RETURNING id`,
    customerId,
    now(),
  );
  return rows.map((r) => r.id);
}

export async function suspendServicesTx(
  tx: Tx,
  customerId: string,
  date: IsoDate,
): Promise<string[]> {
  const rows = await tx.$queryRawUnsafe<{ id: string }[]>(
    `UPDATE "Subscription" SET status = 'SUSPENDED', "updatedAt" = $2
      WHERE "customerId" = $1 AND status = 'ACTIVE' RETURNING id`,
    customerId,
    now(),
  );
  if (rows.length)
    await tx.suspension.createMany({
      data: rows.map((r) => ({
        subscriptionId: r.id,
        startDate: toDbDate(date),
        reason: DUNNING_SUSPENSION_REASON,
      })),
    });
  return rows.map((r) => r.id);
}

/** Lifts dunning's soft and hard suspensions; returns the services that changed. */
export async function liftServicesTx(tx: Tx, customerId: string, date: IsoDate): Promise<string[]> {
  const ended = await tx.$queryRawUnsafe<{ subscriptionId: string }[]>(
    `UPDATE "Suspension" s SET "endDate" = GREATEST($2::date, s."startDate")
       FROM "Subscription" sub
      WHERE s."subscriptionId" = sub.id AND sub."customerId" = $1 AND s."endDate" IS NULL
        AND s.reason = $3 AND sub.status = 'SUSPENDED'
      RETURNING s."subscriptionId"`,
    customerId,
    date,
    DUNNING_SUSPENSION_REASON,
  );
  const resumed = ended.map((r) => r.subscriptionId);
  const rows = await tx.$queryRawUnsafe<{ id: string }[]>(
    `UPDATE "Subscription" SET status = CASE WHEN id = ANY($2::text[]) THEN 'ACTIVE'::"SubscriptionStatus" ELSE status END,
            "softSuspendedAt" = NULL, "updatedAt" = $3
      WHERE "customerId" = $1 AND ("softSuspendedAt" IS NOT NULL OR id = ANY($2::text[])) RETURNING id`,
    customerId,
    resumed,
    now(),
  );
  return rows.map((r) => r.id);
}

/** Tells the network (after commit; the events are hints, radius.sync re-reads the state). */
export async function announceServiceChanges(
  changes: { subscriptionIds: string[]; change: "soft-suspend" | "suspend" | "resume" }[],
) {
  for (const { subscriptionIds, change } of changes)
    for (const subscriptionId of subscriptionIds)
      await publish(subscriptionChanged.create({ subscriptionId, change }));
}
