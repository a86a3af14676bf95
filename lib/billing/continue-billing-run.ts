// Works through an open billing run until nothing due is left, two batches in flight: while
// PostgreSQL writes one, Node computes the next. Chunks come from one keyset cursor, so the
// workers never share a customer. Closes the run as COMPLETED, or FAILED with the error.
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { fromDbDate } from "@/lib/time/dates";
import type { BatchResult } from "./bill-customers-tx";
import { billCustomers } from "./bill-customers";
import { getBillingSettings } from "./billing-settings";
import { finishBillingRun } from "./finish-billing-run";
import { listDueCustomers } from "./list-due-customers";
import { DEFAULT_BATCH_SIZE } from "./bill-next-batch";

export type BillingRunSummary = {
  runId: string;
  asOf: string;
  subscriptions: number;
  invoicesCreated: number;
  invoicesFinalized: number;
  invoicesTotal: number;
  conflicts: number;
  batches: number;
};

export async function continueBillingRun(opts: {
  runId: string;
  actor: Actor;
  batchSize?: number;
  concurrency?: number;
  onBatch?: (batch: BatchResult & { customers: number }) => void | Promise<void>;
}): Promise<BillingRunSummary> {
  assertCan(opts.actor, "billing:run");
  const run = await db.billingRun.findUniqueOrThrow({ where: { id: opts.runId } });
  const asOf = fromDbDate(run.asOf);
  const summary: BillingRunSummary = {
    runId: run.id,
    asOf,
    subscriptions: 0,
    invoicesCreated: 0,
    invoicesFinalized: 0,
    invoicesTotal: 0,
    conflicts: 0,
    batches: 0,
  };
  if (run.status !== "RUNNING") return summary;
  try {
    const settings = await getBillingSettings();
    const limit = opts.batchSize ?? DEFAULT_BATCH_SIZE;
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
    const take = () => (listing = listing.then(nextChunk)); // one cursor, handed out in turn
    const worker = async () => {
      for (let ids = await take(); ids; ids = await take()) {
        const batch = await billCustomers({ customerIds: ids, asOf, runId: run.id, settings });
        summary.batches++;
        summary.subscriptions += batch.subscriptions;
        summary.invoicesCreated += batch.invoiceIds.length;
        summary.invoicesFinalized += batch.finalizedIds.length;
        summary.invoicesTotal += batch.invoicesTotal;
        summary.conflicts += batch.conflicts;
        await opts.onBatch?.({ ...batch, customers: ids.length });
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
