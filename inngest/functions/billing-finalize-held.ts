// Finalises drafts held for review once their hold has passed (IspSettings.invoiceHoldHours),
// every 15 minutes, and announces them. Idempotent: only drafts are finalised, numbers are taken
// in the finalising transaction.
import { cron } from "inngest";
import { inngest, invoiceFinalized } from "../client";
import { SYSTEM } from "@/lib/auth/roles";
import { finalizeDueInvoices } from "@/lib/invoices/finalize-invoice";
import { db } from "@/lib/db";

export const billingFinalizeHeld = inngest.createFunction(
  {
    id: "billing-finalize-held",
    name: "Finalise held invoices",
    triggers: [cron("*/15 * * * *")],
    concurrency: { limit: 1 },
  },
  async ({ step }) => {
    const finalized = await step.run("finalize", async () => {
      const ids = await finalizeDueInvoices({ actor: SYSTEM });
      return db.invoice.findMany({
        where: { id: { in: ids } },
        select: { id: true, customerId: true },
      });
    });
    if (finalized.length) {
      await step.sendEvent(
        "announce",
        finalized.map((inv) =>
          invoiceFinalized.create({ invoiceId: inv.id, customerId: inv.customerId }),
        ),
      );
    }
    return { finalized: finalized.length };
  },
);
