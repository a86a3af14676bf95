// One batch of a billing run: a chunk of due customers billed in one transaction, with the
// progress recorded on the run. A committed batch is complete (invoices, lines, numbers, ledger,
// subscription state); a batch killed half-way leaves nothing, so the next run finds those
// customers still due. The billing.run job runs one batch per step, so Inngest resumes a crashed
// run at the next batch; runBilling keeps two batches in flight.
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { baseNow, now } from "@/lib/time/clock";
import type { IsoDate } from "@/lib/time/dates";
import { billCustomersTx, type BatchResult, type BillingSettings } from "./bill-customers-tx";
import { getBillingSettings } from "./billing-settings";
import { listDueCustomers } from "./list-due-customers";

export const DEFAULT_BATCH_SIZE = 2000;

/** Bills the given customers in one transaction and adds the batch to the run's counters. */
export async function billCustomerChunk(opts: {
  customerIds: string[];
  asOf: IsoDate;
  runId: string | null;
  settings: BillingSettings;
}): Promise<BatchResult> {
  return db.$transaction(
    async (tx) => {
      const at = now();
      const result = await billCustomersTx(tx, {
        customerIds: opts.customerIds,
        asOf: opts.asOf,
        settings: opts.settings,
        billingRunId: opts.runId,
        now: at,
      });
      if (opts.runId) {
        await tx.$executeRawUnsafe(
          `UPDATE "BillingRun" SET "processedCount" = "processedCount" + $2, "invoicesCreated" = "invoicesCreated" + $3,
                  "invoicesTotal" = "invoicesTotal" + $4, "heartbeatAt" = $5 WHERE id = $1`,
          opts.runId,
          result.subscriptions,
          result.invoiceIds.length,
          result.invoicesTotal,
          baseNow(), // liveness in real time (open-billing-run.ts)
        );
      }
      return result;
    },
    { timeout: 300_000, maxWait: 60_000 },
  );
}

export type BillBatchOptions = {
  actor: Actor;
  runId: string;
  asOf: IsoDate;
  /** The last customer id of the previous batch ("" for the first). */
  cursor: string;
  limit?: number;
};

/** What one step of the billing.run job hands to the next (plain JSON). */
export type BillBatchResult = {
  customers: number;
  invoicesCreated: number;
  finalized: BatchResult["finalized"];
  cursor: string;
  done: boolean;
};

/** Bills the next `limit` due customers after the cursor. */
export async function billBatch(opts: BillBatchOptions): Promise<BillBatchResult> {
  assertCan(opts.actor, "billing:run");
  const limit = opts.limit ?? DEFAULT_BATCH_SIZE;
  const customerIds = await listDueCustomers(db, { asOf: opts.asOf, after: opts.cursor, limit });
  if (!customerIds.length)
    return { customers: 0, invoicesCreated: 0, finalized: [], cursor: opts.cursor, done: true };
  const result = await billCustomerChunk({
    customerIds,
    asOf: opts.asOf,
    runId: opts.runId,
    settings: await getBillingSettings(),
  });
  return {
    customers: customerIds.length,
    invoicesCreated: result.invoiceIds.length,
    finalized: result.finalized,
    cursor: customerIds[customerIds.length - 1],
    done: customerIds.length < limit,
  };
}
