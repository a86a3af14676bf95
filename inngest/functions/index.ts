import { scheduledJobs } from "./scheduled-jobs";
import { billingRun } from "./billing-run";
import { billingInvoiceFinalized } from "./billing-invoice-finalized";
import { billingFinalizeHeld } from "./billing-finalize-held";

/** Every function served at /api/inngest. */
export const functions = [
  ...scheduledJobs,
  billingRun,
  billingInvoiceFinalized,
  billingFinalizeHeld,
];
