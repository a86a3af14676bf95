// The billing run: bills everything due on or before `asOf` that is not yet billed, in batches.
// Safe to re-run and to run concurrently: subscriptions are locked per batch (SKIP LOCKED) and the
// unique key (subscription, period start, kind) refuses a second charge for a period (rule 3).
// Invoice PDFs are not rendered here: that happens on `billing/invoice.finalized` or on first view.
import type { Actor } from "@/lib/auth/roles";
import { assertIsoDate, type IsoDate } from "@/lib/time/dates";
import { continueBillingRun, type BillingRunSummary } from "./continue-billing-run";
import { startBillingRun, type BillingTrigger } from "./start-billing-run";

export type { BillingRunSummary };

export async function runBilling(opts: {
  asOf: IsoDate;
  actor: Actor;
  trigger?: BillingTrigger;
  batchSize?: number;
  /** Batches in flight at once (default 2). */
  concurrency?: number;
  onBatch?: Parameters<typeof continueBillingRun>[0]["onBatch"];
}): Promise<BillingRunSummary> {
  const run = await startBillingRun({
    asOf: assertIsoDate(opts.asOf),
    actor: opts.actor,
    trigger: opts.trigger ?? "api",
  });
  return continueBillingRun({
    runId: run.id,
    actor: opts.actor,
    batchSize: opts.batchSize,
    concurrency: opts.concurrency,
    onBatch: opts.onBatch,
  });
}
