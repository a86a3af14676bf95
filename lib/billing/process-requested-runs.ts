// The embedded scheduler's side of requestBillingRun: works through runs nobody has picked up.
import { db } from "@/lib/db";
import { SYSTEM } from "@/lib/auth/roles";
import { continueBillingRun, type BillingRunSummary } from "./continue-billing-run";

export async function processRequestedBillingRuns(): Promise<BillingRunSummary[]> {
  const waiting = await db.billingRun.findMany({
    where: { status: "RUNNING", heartbeatAt: null },
    orderBy: { startedAt: "asc" },
    select: { id: true },
  });
  const done: BillingRunSummary[] = [];
  for (const run of waiting) {
    // Claim it: only one runner turns a null heartbeat into a time.
    const claimed = await db.billingRun.updateMany({
      where: { id: run.id, heartbeatAt: null },
      data: { heartbeatAt: new Date() },
    });
    if (claimed.count) done.push(await continueBillingRun({ runId: run.id, actor: SYSTEM }));
  }
  return done;
}
