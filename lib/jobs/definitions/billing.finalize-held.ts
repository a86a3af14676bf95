// Finalises drafts held for review once their hold has passed (IspSettings.invoiceHoldHours) and
// announces them, so their PDF and email follow. Idempotent: only drafts are finalised, numbers
// are taken in the finalising transaction.
import { z } from "zod";
import { SYSTEM } from "@/lib/auth/roles";
import { invoiceFinalized } from "@/lib/events/events";
import { finalizeDueInvoices } from "@/lib/invoices/finalize-invoice";
import { defineJob } from "../define-job";

export const billingFinalizeHeld = defineJob({
  name: "billing.finalize-held",
  description: "Finalise held invoices whose review hold has passed",
  payload: z.object({}),
  cron: "*/15 * * * *",
  handler: async ({ step }) => {
    const finalized = await step.run("finalize", () => finalizeDueInvoices({ actor: SYSTEM }));
    if (finalized.length)
      await step.sendEvent(
        "announce",
        finalized.map((data) => invoiceFinalized.create(data)),
      );
    return { finalized: finalized.length };
  },
});
