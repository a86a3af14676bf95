// A finalised invoice's documents: its PDF, rendered and stored once, and the invoice email with
// it, queued once (dedupe key per invoice). On `billing/invoice.finalized` for that invoice; every
// five minutes (or with an empty payload) as a sweep over invoices finalised in the last week
// without an email — lost events, and invoices finalised outside a job (CLI, API `wait`).
import { z } from "zod";
import { invoiceFinalized, notificationQueued } from "@/lib/events/events";
import { emailFinalizedInvoices, emailInvoice } from "@/lib/invoices/email-invoice";
import { renderInvoicePdf } from "@/lib/invoices/render-invoice-pdf";
import { defineJob } from "../define-job";

export const billingInvoiceDocuments = defineJob({
  name: "billing.invoice-documents",
  description: "Render finalised invoices' PDFs and email them to the customer",
  payload: z.object({ invoiceId: z.string().min(1).optional() }),
  cron: "*/5 * * * *",
  events: [invoiceFinalized.name],
  concurrencyLimit: 4,
  handler: async ({ payload, step }) => {
    const { invoiceId } = payload;
    let queued: string[];
    if (invoiceId) {
      await step.run("render-pdf", async () => {
        await renderInvoicePdf(invoiceId);
      });
      const email = await step.run("queue-email", () => emailInvoice(invoiceId));
      queued = email.notificationId ? [email.notificationId] : [];
    } else {
      queued = await step.run("sweep", () => emailFinalizedInvoices());
    }
    if (queued.length)
      await step.sendEvent(
        "emails-queued",
        queued.map((notificationId) => notificationQueued.create({ notificationId })),
      );
    return { emailsQueued: queued.length };
  },
});
