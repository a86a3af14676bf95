// One batch of a billing run: the next `limit` due customers after the cursor, in one
// transaction. Committed batches are complete (invoices, lines, numbers, ledger, subscription
// state); a batch killed half-way leaves nothing, so a restarted run finds those customers still
// due. Inngest steps call this one batch at a time.
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/auth/roles";
import type { IsoDate } from "@/lib/time/dates";
import type { BatchResult, BillingSettings } from "./bill-customers-tx";
import { billCustomers } from "./bill-customers";
import { getBillingSettings } from "./billing-settings";
import { listDueCustomers } from "./list-due-customers";

export const DEFAULT_BATCH_SIZE = 2000;

export type NextBatchResult = BatchResult & { customers: number; cursor: string; done: boolean };

const EMPTY: BatchResult = {
  subscriptions: 0,
  invoiceIds: [],
  finalizedIds: [],
  invoicesTotal: 0,
  conflicts: 0,
};

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
  const customerIds = await listDueCustomers(db, { asOf: opts.asOf, after: opts.cursor, limit });
  if (!customerIds.length) return { ...EMPTY, customers: 0, cursor: opts.cursor, done: true };
  const result = await billCustomers({ customerIds, asOf: opts.asOf, runId: opts.runId, settings });
  return {
    ...result,
    customers: customerIds.length,
    cursor: customerIds[customerIds.length - 1],
    done: customerIds.length < limit,
  };
}
