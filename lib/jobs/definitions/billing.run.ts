// The billing run as a job. Each tick (and `billing/run.requested` from admin or the API) opens
// what is due — a requested run nobody has claimed, else today's run once the ISP's billing hour
// has passed in its zone (the hour lives in settings, so the cron cannot carry it) — and bills it
// one batch per step, so Inngest resumes a crashed run at the next batch. Finalised invoices fan
// out as `billing/invoice.finalized` (PDF and email). Idempotent: batches lock subscriptions and
// the unique line key refuses a second charge for a period, so a retried step bills nothing twice.
import { z } from "zod";
import { SYSTEM } from "@/lib/auth/roles";
import { billBatch } from "@/lib/billing/bill-batch";
import { closeBillingRun } from "@/lib/billing/close-billing-run";
import { openDueBillingRun } from "@/lib/billing/open-billing-run";
import { invoiceFinalized } from "@/lib/events/events";
import { defineJob } from "../define-job";
import { errorText } from "../record-job-run";

export const billingRun = defineJob({
  name: "billing.run",
  description:
    "Bill everything due: runs requested from admin or the API, and today's run from the ISP's billing hour",
  payload: z.object({ runId: z.string().min(1).optional() }),
  cron: "*/5 * * * *",
  events: ["billing/run.requested"],
  retries: 5,
  handler: async ({ payload, step }) => {
    const run = await step.run("open-run", () =>
      openDueBillingRun({ actor: SYSTEM, runId: payload.runId }),
    );
    if ("skipped" in run) return run;
    let cursor = "";
    try {
      for (let i = 0; ; i++) {
        const batch = await step.run(`batch-${i}`, () =>
          billBatch({ actor: SYSTEM, runId: run.runId, asOf: run.asOf, cursor }),
        );
        if (batch.finalized.length)
          await step.sendEvent(
            `finalized-${i}`,
            batch.finalized.map((data) => invoiceFinalized.create(data)),
          );
        cursor = batch.cursor;
        if (batch.done) break;
      }
    } catch (error) {
      await step.run("fail-run", () =>
        closeBillingRun({ actor: SYSTEM, runId: run.runId, error: errorText(error) }),
      );
      throw error;
    }
    const closed = await step.run("close-run", () =>
      closeBillingRun({ actor: SYSTEM, runId: run.runId }),
    );
    return { asOf: run.asOf, ...closed };
  },
});
