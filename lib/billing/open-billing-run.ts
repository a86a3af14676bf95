// Opening a billing run: the BillingRun row that records its progress. `openBillingRun` starts a
// new one; `openDueBillingRun` is what the billing.run job opens on each tick — a run requested
// from admin or the API that no runner has claimed yet, else today's run once the ISP's billing
// hour has passed in its time zone (once a day: a completed scheduled run for today means done).
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { getSettings } from "@/lib/settings/get-settings";
import { baseNow, now } from "@/lib/time/clock";
import { AppError } from "@/lib/errors";
import {
  addDays,
  dateInZone,
  fromDbDate,
  instantInZone,
  toDbDate,
  type IsoDate,
} from "@/lib/time/dates";
import { todayForIsp } from "./billing-settings";
import { countDueSubscriptions } from "./list-due-customers";

/** A run that has not committed a batch for this long was killed (batches take seconds). */
export const STALE_RUN_MS = 15 * 60_000;

export type BillingTrigger = "cron" | "admin" | "api" | "cli" | "bench";

export type OpenedBillingRun = { runId: string; asOf: IsoDate };

export type OpenBillingRunOptions = {
  actor: Actor;
  asOf: IsoDate;
  trigger: BillingTrigger;
  /** Requested from admin or the API: no heartbeat until a runner claims it. */
  deferred?: boolean;
};

/** Records a new billing run (RUNNING) and marks runs killed half-way as FAILED. */
export async function openBillingRun(opts: OpenBillingRunOptions) {
  assertCan(opts.actor, "billing:run");
  // A person (or their API key) can bill ahead by a day, for a run just before midnight; a date
  // further out is a typo that would invoice customers for periods that have not begun.
  if (opts.actor.kind !== "system") {
    const latest = addDays(await todayForIsp(), 1);
    if (opts.asOf > latest)
      throw new AppError("VALIDATION", "A billing run cannot be dated more than a day ahead.", {
        asOf: `On or before ${latest}`,
      });
  }
  // Bookkeeping of the run itself is in real time (baseNow), so moving a sandbox clock never
  // makes a live run look stale; the business date is `asOf`.
  const at = baseNow();
  const staleBefore = new Date(at.getTime() - STALE_RUN_MS);
  await db.billingRun.updateMany({
    where: {
      status: "RUNNING",
      OR: [
        { heartbeatAt: { lt: staleBefore } },
        { heartbeatAt: null, startedAt: { lt: staleBefore } },
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

export type OpenDueBillingRunOptions = {
  actor: Actor;
  /** A requested run to claim (from `billing/run.requested`); otherwise whatever is due. */
  runId?: string;
};

/** Claims a requested run: only one runner turns its empty heartbeat into a time. */
async function claim(where: { id?: string }): Promise<OpenedBillingRun | null> {
  const waiting = await db.billingRun.findFirst({
    where: { ...where, status: "RUNNING", heartbeatAt: null },
    orderBy: { startedAt: "asc" },
    select: { id: true, asOf: true },
  });
  if (!waiting) return null;
  const claimed = await db.billingRun.updateMany({
    where: { id: waiting.id, heartbeatAt: null },
    data: { heartbeatAt: baseNow() },
  });
  return claimed.count ? { runId: waiting.id, asOf: fromDbDate(waiting.asOf) } : null;
}

export async function openDueBillingRun(
  opts: OpenDueBillingRunOptions,
): Promise<OpenedBillingRun | { skipped: string }> {
  assertCan(opts.actor, "billing:run");
  if (opts.runId) {
    return (await claim({ id: opts.runId })) ?? { skipped: "run already claimed or finished" };
  }
  const requested = await claim({});
  if (requested) return requested;
  const settings = await getSettings();
  const at = now();
  const asOf = dateInZone(at, settings.timeZone);
  if (at < instantInZone(asOf, settings.billingHour, settings.timeZone)) {
    return { skipped: `before the billing hour (${settings.billingHour}:00 ${settings.timeZone})` };
  }
  const done = await db.billingRun.count({
    where: { asOf: toDbDate(asOf), status: "COMPLETED", trigger: "cron" },
  });
  if (done) return { skipped: `today's run (${asOf}) is done` };
  const run = await openBillingRun({ actor: opts.actor, asOf, trigger: "cron" });
  return { runId: run.id, asOf };
}
