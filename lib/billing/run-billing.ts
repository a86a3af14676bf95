// The billing run: bills everything due on or before `asOf` that is not yet billed, in batches.
// Safe to re-run and to run concurrently: subscriptions are locked per batch (SKIP LOCKED) and the
// unique key (subscription, period start, kind) refuses a second charge for a period (rule 3).
// Invoice PDFs are not rendered here: that happens on `billing/invoice.finalized` or on first view.
import type { Actor } from "@/lib/auth/roles";
import { assertIsoDate, type IsoDate } from "@/lib/time/dates";
import { billNextBatch, DEFAULT_BATCH_SIZE, type NextBatchResult } from "./bill-next-batch";
import { getBillingSettings } from "./billing-settings";
import { finishBillingRun } from "./finish-billing-run";
import { startBillingRun, type BillingTrigger } from "./start-billing-run";

export type BillingRunSummary = {
  runId: string;
  asOf: IsoDate;
  subscriptions: number;
  invoicesCreated: number;
  invoicesFinalized: number;
  invoicesTotal: number;
  conflicts: number;
  batches: number;
};

export async function runBilling(opts: {
  asOf: IsoDate;
  actor: Actor;
  trigger?: BillingTrigger;
  batchSize?: number;
  /** Called after each committed batch (progress, events for the finalised invoices). */
  onBatch?: (batch: NextBatchResult) => void | Promise<void>;
}): Promise<BillingRunSummary> {
  const asOf = assertIsoDate(opts.asOf);
  const run = await startBillingRun({ asOf, actor: opts.actor, trigger: opts.trigger ?? "api" });
  const summary: BillingRunSummary = { runId: run.id, asOf, subscriptions: 0, invoicesCreated: 0, invoicesFinalized: 0, invoicesTotal: 0, conflicts: 0, batches: 0 };
  try {
    const settings = await getBillingSettings();
    let cursor = "";
    for (;;) {
      const batch = await billNextBatch({ runId: run.id, asOf, cursor, limit: opts.batchSize ?? DEFAULT_BATCH_SIZE, actor: opts.actor, settings });
      if (batch.customers) {
        summary.batches++;
        summary.subscriptions += batch.subscriptions;
        summary.invoicesCreated += batch.invoiceIds.length;
        summary.invoicesFinalized += batch.finalizedIds.length;
        summary.invoicesTotal += batch.invoicesTotal;
        summary.conflicts += batch.conflicts;
        await opts.onBatch?.(batch);
      }
      if (batch.done) break;
      cursor = batch.cursor;
    }
    await finishBillingRun(run.id);
    return summary;
  } catch (error) {
    await finishBillingRun(run.id, error);
    throw error;
  }
}
