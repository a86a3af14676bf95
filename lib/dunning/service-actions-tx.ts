// What a suspension does to the customer's services: soft (throttle + redirect, still ACTIVE)
// or hard (SUSPENDED with an open Suspension, so the billing engine's SKIP policy credits the
// days). Restore lifts exactly what dunning put on. The network follows the
// `subscriptions/subscription.changed` events the callers publish after commit (and radius.sync's
// five-minute sweep in any case).
import "server-only";
import type { Tx } from "@/lib/db";
import { now } from "@/lib/time/clock";
import type { IsoDate } from "@/lib/time/dates";
import { publish } from "@/lib/events/publish";
import { subscriptionChanged } from "@/lib/events/events";

export const DUNNING_SUSPENSION_REASON = "dunning";

/** What the network must do to a service (the job announces it after commit). */
export type ServiceChange = { subscriptionId: string; change: "soft-suspend" | "suspend" };

/** A customer's services a step changed. */
export type ChangedService = { id: string; customerId: string };

/** Soft suspension of the customers' active services: throttled and redirected, still ACTIVE. */
export async function throttleServicesTx(tx: Tx, customerIds: string[]): Promise<ChangedService[]> {
  if (!customerIds.length) return [];
  return tx.$queryRawUnsafe<ChangedService[]>(
    `UPDATE "Subscription" SET "softSuspendedAt" = $2, "updatedAt" = $2
      WHERE "customerId" = ANY($1::text[]) AND status = 'ACTIVE' AND "softSuspendedAt" IS NULL
      RETURNING id, "customerId"`,
    customerIds,
    now(),
  );
}

/** Hard suspension of the customers' active services, each from its customer's local day. */
export async function suspendServicesTx(
  tx: Tx,
  customers: { customerId: string; date: IsoDate }[],
): Promise<ChangedService[]> {
  if (!customers.length) return [];
  return tx.$queryRawUnsafe<ChangedService[]>(
    `WITH v AS (SELECT * FROM unnest($1::text[], $2::date[]) AS v("customerId", day)),
     sub AS (
       UPDATE "Subscription" s SET status = 'SUSPENDED', "updatedAt" = $3
         FROM v WHERE s."customerId" = v."customerId" AND s.status = 'ACTIVE'
       RETURNING s.id, s."customerId", v.day),
     susp AS (
       INSERT INTO "Suspension" (id, "subscriptionId", "startDate", reason)
       SELECT gen_random_uuid()::text, id, day, $4 FROM sub)
     SELECT id, "customerId" FROM sub`,
    customers.map((c) => c.customerId),
    customers.map((c) => c.date),
    now(),
    DUNNING_SUSPENSION_REASON,
  );
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
