import { db } from "@/lib/db";
import { now } from "@/lib/time/clock";

/** Closes a run as COMPLETED, or FAILED with the error that stopped it. */
export async function finishBillingRun(runId: string, error?: unknown) {
  return db.billingRun.update({
    where: { id: runId },
    data: error
      ? {
          status: "FAILED",
          error: error instanceof Error ? error.message : String(error),
          finishedAt: now(),
        }
      : { status: "COMPLETED", finishedAt: now() },
  });
}
