// Immediate billing for one customer inside the caller's transaction: what an upgrade, a
// cancellation or an "invoice now" charge needs. It bills what is due as of `asOf` — a back-dated
// change's effective date, so the periods after it are left to the runs — on an invoice issued
// `issueDate` (default `asOf`). It is the same code path as the nightly run, so the two can never
// bill a period twice or differently.
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
  issueDate: IsoDate = asOf,
): Promise<BatchResult> {
  const settings = await getBillingSettings(tx);
  const result = await billCustomersTx(tx, {
    customerIds: [customerId],
    asOf,
    issueDate,
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
