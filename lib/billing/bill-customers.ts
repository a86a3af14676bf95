// Bills one chunk of customers in its own transaction and records the progress on the run.
import { db } from "@/lib/db";
import { now } from "@/lib/time/clock";
import type { IsoDate } from "@/lib/time/dates";
import { billCustomersTx, type BatchResult, type BillingSettings } from "./bill-customers-tx";

export async function billCustomers(opts: {
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
          at,
        );
      }
      return result;
    },
    { timeout: 300_000, maxWait: 60_000 },
  );
}
