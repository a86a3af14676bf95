// The billing run: bills everything due on or before `asOf` that is not yet billed, in batches.
// Safe to re-run and to run concurrently: subscriptions are locked per batch (SKIP LOCKED) and the
// unique key (subscription, period start, kind) refuses a second charge for a period (rule 3).
// Invoice PDFs are not rendered here: that happens on `billing/invoice.finalized` or on first view.
import type { Actor } from "@/lib/auth/roles";
import { assertIsoDate, type IsoDate } from "@/lib/time/dates";
import { db } from "@/lib/db";
import { DEFAULT_BATCH_SIZE, type NextBatchResult } from "./bill-next-batch";
import { billCustomers } from "./bill-customers";
import { listDueCustomers } from "./list-due-customers";
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
  /** Batches in flight at once (default 2). */
  concurrency?: number;
  /** Called after each committed batch (progress, events for the finalised invoices). */
  onBatch?: (batch: NextBatchResult) => void | Promise<void>;
}): Promise<BillingRunSummary> {
  const asOf = assertIsoDate(opts.asOf);
  const run = await startBillingRun({ asOf, actor: opts.actor, trigger: opts.trigger ?? "api" });
  const summary: BillingRunSummary = { runId: run.id, asOf, subscriptions: 0, invoicesCreated: 0, invoicesFinalized: 0, invoicesTotal: 0, conflicts: 0, batches: 0 };
  try {
    const settings = await getBillingSettings();
    const limit = opts.batchSize ?? DEFAULT_BATCH_SIZE;
    // Two batches in flight: while PostgreSQL writes one, Node computes the next. Chunks are
    // listed ahead by one cursor, so the workers never share a customer.
    let cursor = "";
    let exhausted = false;
    const nextChunk = async () => {
      if (exhausted) return null;
      const ids = await listDueCustomers(db, { asOf, after: cursor, limit });
      if (ids.length < limit) exhausted = true;
      if (!ids.length) return null;
      cursor = ids[ids.length - 1];
      return ids;
    };
    let listing = Promise.resolve<string[] | null>(null);
    const take = () => (listing = listing.then(nextChunk)); // serialises the cursor
    const worker = async () => {
      for (let ids = await take(); ids; ids = await take()) {
        const batch = await billCustomers({ customerIds: ids, asOf, runId: run.id, settings });
        summary.batches++;
        summary.subscriptions += batch.subscriptions;
        summary.invoicesCreated += batch.invoiceIds.length;
        summary.invoicesFinalized += batch.finalizedIds.length;
        summary.invoicesTotal += batch.invoicesTotal;
        summary.conflicts += batch.conflicts;
        await opts.onBatch?.({ ...batch, customers: ids.length, cursor: ids[ids.length - 1], done: false });
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, opts.concurrency ?? 2) }, worker));
    await finishBillingRun(run.id);
    return summary;
  } catch (error) {
    await finishBillingRun(run.id, error);
    throw error;
  }
}
