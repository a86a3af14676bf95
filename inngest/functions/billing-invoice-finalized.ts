// On `billing/invoice.finalized`: render and store the PDF, then queue the email with it.
// Idempotent: the PDF is stored once (only while empty) and the email has a dedupe key.
import { inngest, invoiceFinalized } from "../client";
import { emailInvoice } from "@/lib/invoices/email-invoice";
import { renderInvoicePdf } from "@/lib/invoices/render-invoice-pdf";

export const billingInvoiceFinalized = inngest.createFunction(
  {
    id: "billing-invoice-finalized",
    name: "Invoice PDF and email",
    triggers: [invoiceFinalized],
    concurrency: { limit: 4 },
  },
  async ({ event, step }) => {
    await step.run("render-pdf", async () => {
      await renderInvoicePdf(event.data.invoiceId);
    });
    return step.run("queue-email", () => emailInvoice(event.data.invoiceId));
  },
);
