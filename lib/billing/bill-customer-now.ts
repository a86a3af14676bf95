// Immediate billing for one customer inside the caller's transaction, as of today in the ISP's
// zone: what an upgrade, an immediate cancellation or an "invoice now" charge needs. It is the
// same code path as the nightly run, so the two can never bill a period twice or differently.
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { now } from "@/lib/time/clock";
import type { IsoDate } from "@/lib/time/dates";
import { billCustomersTx, type BatchResult } from "./bill-customers-tx";
import { getBillingSettings } from "./billing-settings";

export async function billCustomerNowTx(
  tx: Tx,
  customerId: string,
  asOf: IsoDate,
): Promise<BatchResult> {
  const settings = await getBillingSettings(tx);
  const result = await billCustomersTx(tx, {
    customerIds: [customerId],
    asOf,
    settings,
    billingRunId: null,
    now: now(),
  });
  // The unique key refused a line (e.g. a second upgrade on the same day): undo the whole change.
  if (result.conflicts)
    throw new AppError(
      "CONFLICT",
      "This would charge a period that is already on an invoice; try again tomorrow.",
    );
  return result;
}
