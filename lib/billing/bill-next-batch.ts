// One batch of a billing run, in one transaction: the next `limit` due customers after the cursor.
// Committed batches are complete (invoices, lines, numbers, ledger, subscription state); a batch
// killed half-way leaves nothing, so a restarted run simply finds those customers still due.
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { now } from "@/lib/time/clock";
import type { IsoDate } from "@/lib/time/dates";
import { billCustomersTx, type BatchResult, type BillingSettings } from "./bill-customers-tx";
import { getBillingSettings } from "./billing-settings";
import { listDueCustomers } from "./list-due-customers";

export const DEFAULT_BATCH_SIZE = 2000;

export type NextBatchResult = BatchResult & { customers: number; cursor: string; done: boolean };

export async function billNextBatch(opts: {
  runId: string | null;
  asOf: IsoDate;
  cursor: string;
  limit?: number;
  actor: Actor;
  settings?: BillingSettings;
}): Promise<NextBatchResult> {
  assertCan(opts.actor, "billing:run");
  const limit = opts.limit ?? DEFAULT_BATCH_SIZE;
  const settings = opts.settings ?? (await getBillingSettings());
  return db.$transaction(
    async (tx) => {
      const customerIds = await listDueCustomers(tx, { asOf: opts.asOf, after: opts.cursor, limit });
      if (!customerIds.length) {
        return { customers: 0, cursor: opts.cursor, done: true, subscriptions: 0, invoiceIds: [], finalizedIds: [], invoicesTotal: 0, conflicts: 0 };
      }
      const at = now();
      const result = await billCustomersTx(tx, { customerIds, asOf: opts.asOf, settings, billingRunId: opts.runId, now: at });
      if (opts.runId) {
        await tx.$executeRawUnsafe(
          `UPDATE "BillingRun" SET "processedCount" = "processedCount" + $2, "invoicesCreated" = "invoicesCreated" + $3,
                  "invoicesTotal" = "invoicesTotal" + $4, "heartbeatAt" = $5 WHERE id = $1`,
          opts.runId, result.subscriptions, result.invoiceIds.length, result.invoicesTotal, at,
        );
      }
      return { ...result, customers: customerIds.length, cursor: customerIds[customerIds.length - 1], done: customerIds.length < limit };
    },
    { timeout: 300_000, maxWait: 60_000 },
  );
}
