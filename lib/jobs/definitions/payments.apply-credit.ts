// payments.apply-credit: customer credit (unallocated payments) pays newly finalised invoices,
// when the ISP's setting "apply credit to new invoices" is on. Started by each
// `billing/invoice.finalized` (only that invoice) and every 15 minutes as a catch-up sweep over
// the last week's open invoices. Idempotent: applied credit is no longer unallocated and a paid
// invoice is no longer open, so a repeat or late run changes nothing.
import { z } from "zod";
import { defineJob } from "@/lib/jobs/define-job";
import { applyPendingCredit } from "@/lib/payments/apply-pending-credit";

export const paymentsApplyCredit = defineJob({
  name: "payments.apply-credit",
  description: "Apply customer credit to newly finalised invoices",
  payload: z.object({
    invoiceId: z.string().max(64).optional(),
    customerId: z.string().max(64).optional(),
  }),
  cron: "*/15 * * * *",
  events: ["billing/invoice.finalized"],
  concurrencyKey: "payments.apply-credit",
  handler: ({ payload, step }) =>
    step.run("apply-credit", () =>
      applyPendingCredit({ invoiceId: payload.invoiceId, customerId: payload.customerId }),
    ),
});
