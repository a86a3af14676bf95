// payments.janitor: asks Stripe how card attempts still PENDING after `olderThanMinutes` ended
// (default 15) and settles them; processes stored Stripe events whose processing failed.
import { z } from "zod";
import { SYSTEM } from "@/lib/auth/roles";
import { isCardPaymentEnabled } from "@/lib/payment-methods/card-payments-enabled";
import { defineJob } from "@/lib/jobs/define-job";
import { reconcilePendingCharges } from "@/lib/payments/stripe/reconcile-pending-charges";

export const paymentsJanitor = defineJob({
  name: "payments.janitor",
  description: "Reconcile card attempts left pending with Stripe",
  payload: z.object({ olderThanMinutes: z.number().int().min(0).max(10_080).optional() }),
  cron: "*/10 * * * *",
  handler: ({ payload, step }) =>
    step.run("reconcile", async () =>
      isCardPaymentEnabled()
        ? reconcilePendingCharges({ actor: SYSTEM, olderThanMinutes: payload.olderThanMinutes })
        : { skipped: "Stripe is not configured" },
    ),
});
