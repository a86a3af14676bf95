// The billing run's one entry point: bills everything due on or before `asOf` that is not yet
// billed, in batches (bill-batch.ts). Safe to re-run and to run concurrently: subscriptions are
// locked per batch (SKIP LOCKED) and the unique key (subscription, period start, kind) refuses a
// second charge for a period (money rule 3).
//
// - `defer: true` (admin, API): records the run and publishes `billing/run.requested`; the
//   billing.run job (lib/jobs/definitions/billing.run.ts) claims it and bills it batch by batch,
//   on whichever engine runs jobs. Returns at once.
// - otherwise (CLI, benchmark, API `wait`, demo data): bills here, two batches in flight — while
//   PostgreSQL writes one, Node computes the next — and returns the totals.
// The daily scheduled run is the billing.run job's own (openDueBillingRun). Invoice PDFs and
// emails are not made here: billing.invoice-documents does that on `billing/invoice.finalized`,
// and its sweep finds invoices finalised by this function.
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { billingRunRequested } from "@/lib/events/events";
import { publish } from "@/lib/events/publish";
import { assertIsoDate, type IsoDate } from "@/lib/time/dates";
import { billCustomerChunk, DEFAULT_BATCH_SIZE } from "./bill-batch";
import type { BatchResult } from "./bill-customers-tx";
import { getBillingSettings } from "./billing-settings";
import { closeBillingRun } from "./close-billing-run";
import { listDueCustomers } from "./list-due-customers";
import { openBillingRun, type BillingTrigger } from "./open-billing-run";

export type RunBillingOptions = {
  actor: Actor;
  asOf: IsoDate;
  /** Recorded on the run (default "api"). */
  trigger?: BillingTrigger;
  /** Leave the run to the billing.run job and return at once. */
  defer?: boolean;
  batchSize?: number;
  /** Batches in flight at once (default 2). */
  concurrency?: number;
  onBatch?: (batch: BatchResult & { customers: number }) => void | Promise<void>;
};

export type BillingRunSummary = {
  runId: string;
  asOf: IsoDate;
  status: "RUNNING" | "COMPLETED";
  subscriptions: number;
  invoicesCreated: number;
  invoicesFinalized: number;
  invoicesTotal: number;
  conflicts: number;
  batches: number;
};

export async function runBilling(opts: RunBillingOptions): Promise<BillingRunSummary> {
  assertCan(opts.actor, "billing:run"); // before the date is looked at
  const asOf = assertIsoDate(opts.asOf, "asOf");
  const run = await openBillingRun({
    actor: opts.actor,
    asOf,
    trigger: opts.trigger ?? "api",
    deferred: opts.defer,
  });
  const summary: BillingRunSummary = {
    runId: run.id,
    asOf,
    status: "RUNNING",
    subscriptions: 0,
    invoicesCreated: 0,
    invoicesFinalized: 0,
    invoicesTotal: 0,
    conflicts: 0,
    batches: 0,
  };
  if (opts.defer) {
    await publish(billingRunRequested.create({ runId: run.id, asOf }));
    return summary;
  }
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
        const batch = await billCustomerChunk({ customerIds: ids, asOf, runId: run.id, settings });
        summary.batches++;
        summary.subscriptions += batch.subscriptions;
        summary.invoicesCreated += batch.invoiceIds.length;
        summary.invoicesFinalized += batch.finalized.length;
        summary.invoicesTotal += batch.invoicesTotal;
        summary.conflicts += batch.conflicts;
        await opts.onBatch?.({ ...batch, customers: ids.length });
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, opts.concurrency ?? 2) }, worker));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await closeBillingRun({ actor: opts.actor, runId: run.id, error: message });
    throw error;
  }
  await closeBillingRun({ actor: opts.actor, runId: run.id });
  return { ...summary, status: "COMPLETED" };
}
