import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { baseNow } from "@/lib/time/clock";

export type CloseBillingRunOptions = {
  actor: Actor;
  runId: string;
  /** What stopped the run; without it the run closes as COMPLETED. */
  error?: string;
};

/** Closes a run as COMPLETED, or FAILED with the error that stopped it; returns its totals. */
export async function closeBillingRun(opts: CloseBillingRunOptions) {
  assertCan(opts.actor, "billing:run");
  const run = await db.billingRun.update({
    where: { id: opts.runId },
    data: opts.error
      ? { status: "FAILED", error: opts.error, finishedAt: baseNow() }
      : { status: "COMPLETED", finishedAt: baseNow() },
  });
  return {
    runId: run.id,
    status: run.status,
    subscriptions: run.processedCount,
    invoicesCreated: run.invoicesCreated,
    invoicesTotal: Number(run.invoicesTotal),
  };
}
