import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { now } from "@/lib/time/clock";
import { toDbDate, type IsoDate } from "@/lib/time/dates";
import { countDueSubscriptions } from "./list-due-customers";

/** A run that has not committed a batch for this long was killed (batches take seconds). */
export const STALE_RUN_MS = 15 * 60_000;

export type BillingTrigger = "cron" | "admin" | "api" | "cli" | "bench";

/**
 * Records a new billing run (RUNNING) and marks runs killed half-way as FAILED. A `deferred` run
 * (requested from admin or the API) has no heartbeat until a job picks it up.
 */
export async function startBillingRun(opts: {
  asOf: IsoDate;
  actor: Actor;
  trigger: BillingTrigger;
  deferred?: boolean;
}) {
  assertCan(opts.actor, "billing:run");
  const at = now();
  await db.billingRun.updateMany({
    where: {
      status: "RUNNING",
      OR: [
        { heartbeatAt: { lt: new Date(at.getTime() - STALE_RUN_MS) } },
        { heartbeatAt: null, startedAt: { lt: new Date(at.getTime() - STALE_RUN_MS) } },
      ],
    },
    data: {
      status: "FAILED",
      error: "interrupted (no progress for 15 minutes); a later run billed what it left",
      finishedAt: at,
    },
  });
  const dueCount = await countDueSubscriptions(db, opts.asOf);
  const run = await db.billingRun.create({
    data: {
      asOf: toDbDate(opts.asOf),
      status: "RUNNING",
      trigger: opts.trigger,
      dueCount,
      startedAt: at,
      heartbeatAt: opts.deferred ? null : at,
    },
  });
  await recordAudit({
    actor: opts.actor,
    action: "billing.run_start",
    entityType: "BillingRun",
    entityId: run.id,
    data: { asOf: opts.asOf, trigger: opts.trigger },
  });
  return run;
}
