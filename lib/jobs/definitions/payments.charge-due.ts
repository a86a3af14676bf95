// payments.charge-due: the auto-pay sweep. Charges the default card of every customer with an
// invoice due for auto-pay (on finalisation or on the due date: setting `autoPayOn`). Started by
// `billing/invoice.finalized` (that invoice only) and every 15 minutes. Idempotent: an invoice
// with a finished attempt is not charged again by this job (payments.retry owns the schedule),
// and an attempt a killed run left PENDING is re-sent under its own idempotency key.
import { z } from "zod";
import { SYSTEM } from "@/lib/auth/roles";
import { isCardPaymentEnabled } from "@/lib/payment-methods/card-payments-enabled";
import { defineJob } from "@/lib/jobs/define-job";
import { chargeDueInvoices } from "@/lib/payments/stripe/charge-due-invoices";

export const paymentsChargeDue = defineJob({
  name: "payments.charge-due",
  description: "Charge default cards for invoices due for auto-pay",
  payload: z.object({ invoiceId: z.string().max(64).optional() }),
  cron: "*/15 * * * *",
  events: ["billing/invoice.finalized"],
  concurrencyKey: "payments.charge",
  handler: ({ payload, step }) =>
    step.run("charge-due", async () =>
      isCardPaymentEnabled()
        ? chargeDueInvoices({ actor: SYSTEM, invoiceId: payload.invoiceId })
        : { skipped: "Stripe is not configured" },
    ),
});
