// The billing run as an Inngest function. Triggers: every hour (it bills once a day, from the
// ISP's billing hour in its time zone — the hour lives in settings, so the cron cannot carry it)
// and `billing/run.requested` from admin or the API. Each batch is its own step, so a crash or
// deploy resumes at the next batch; one run at a time. Idempotency: batches lock subscriptions
// and the database's unique line key refuses a second charge for a period, so a retried step
// bills nothing twice. Finalised invoices fan out as `billing/invoice.finalized` (PDF + email).
import { cron } from "inngest";
import { inngest, billingRunRequested, invoiceFinalized } from "../client";
import { SYSTEM } from "@/lib/auth/roles";
import { billNextBatch } from "@/lib/billing/bill-next-batch";
import { finishBillingRun } from "@/lib/billing/finish-billing-run";
import { startBillingRun } from "@/lib/billing/start-billing-run";
import { db } from "@/lib/db";
import { getSettings } from "@/lib/settings/get-settings";
import { now } from "@/lib/time/clock";
import { dateInZone, instantInZone, toDbDate } from "@/lib/time/dates";

const MAX_BATCHES = 1000; // 2M customers at the default batch size

export const billingRun = inngest.createFunction(
  {
    id: "billing-run",
    name: "Billing run",
    triggers: [cron("0 * * * *"), billingRunRequested],
    concurrency: { limit: 1 },
    retries: 5,
  },
  async ({ event, step }) => {
    const run = await step.run("open-run", async () => {
      if (event.name === billingRunRequested.name) {
        const data = event.data as { runId: string; asOf: string };
        await db.billingRun.updateMany({
          where: { id: data.runId, heartbeatAt: null },
          data: { heartbeatAt: now() },
        });
        return { runId: data.runId, asOf: data.asOf };
      }
      const settings = await getSettings();
      const asOf = dateInZone(now(), settings.timeZone);
      if (now() < instantInZone(asOf, settings.billingHour, settings.timeZone)) return null;
      if (
        await db.billingRun.count({
          where: { asOf: toDbDate(asOf), status: "COMPLETED", trigger: "cron" },
        })
      )
        return null;
      const started = await startBillingRun({ asOf, actor: SYSTEM, trigger: "cron" });
      return { runId: started.id, asOf };
    });
    if (!run) return { skipped: true };

    let cursor = "";
    let invoices = 0;
    try {
      for (let i = 0; i < MAX_BATCHES; i++) {
        const batch = await step.run(`batch-${i}`, async () => {
          const b = await billNextBatch({
            runId: run.runId,
            asOf: run.asOf,
            cursor,
            actor: SYSTEM,
          });
          const finalized = await db.invoice.findMany({
            where: { id: { in: b.finalizedIds } },
            select: { id: true, customerId: true },
          });
          return { cursor: b.cursor, done: b.done, created: b.invoiceIds.length, finalized };
        });
        invoices += batch.created;
        if (batch.finalized.length) {
          await step.sendEvent(
            `finalized-${i}`,
            batch.finalized.map((inv) =>
              invoiceFinalized.create({ invoiceId: inv.id, customerId: inv.customerId }),
            ),
          );
        }
        cursor = batch.cursor;
        if (batch.done) break;
      }
    } catch (error) {
      await step.run("fail-run", () => finishBillingRun(run.runId, error));
      throw error;
    }
    await step.run("close-run", () => finishBillingRun(run.runId));
    return { runId: run.runId, asOf: run.asOf, invoices };
  },
);
