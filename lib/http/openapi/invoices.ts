// Invoices: finalising held drafts; credit-note PDFs.
import { z } from "zod";
import { defineOperation } from "@/lib/http/define-operation";

const date = z.string().meta({ format: "date" });

export const invoiceSummarySchema = z
  .object({
    id: z.string(),
    number: z.string().nullable().meta({ description: "Assigned at finalisation; gapless" }),
    status: z.enum(["DRAFT", "OPEN", "PARTIALLY_PAID", "PAID", "VOID", "UNCOLLECTIBLE"]),
    customerId: z.string(),
    currency: z.string(),
    issueDate: date,
    dueDate: date,
    subtotal: z.number().int(),
    taxTotal: z.number().int(),
    total: z.number().int(),
    amountPaid: z.number().int(),
    amountCredited: z.number().int(),
    amountDue: z.number().int(),
    billingRunId: z.string().nullable(),
    finalizedAt: z.string().nullable(),
    finalizeAfter: z
      .string()
      .nullable()
      .meta({ description: "A held draft is finalised automatically after this instant" }),
  })
  .meta({ id: "InvoiceSummary" });

export const finalizeInvoiceOp = defineOperation({
  method: "POST",
  path: "/invoices/{id}/finalize",
  tag: "Invoices",
  summary: "Finalise a draft held for review (billing:charge)",
  description:
    "Takes the next number of the series, freezes the snapshot and posts the invoice to the customer's ledger; the PDF and email follow. Held drafts: GET /invoices?status=DRAFT. 409 when it is not a draft.",
  roles: ["ADMIN", "ACCOUNTS"],
  params: z.object({ id: z.string().min(1).max(40) }),
  responses: { 200: invoiceSummarySchema },
});

export const getCreditNotePdfOp = defineOperation({
  method: "GET",
  path: "/credit-notes/{id}/pdf",
  tag: "Invoices",
  summary: "A credit note as the PDF the customer was sent (billing:read)",
  description:
    "Same look as the invoice, referencing it; shows the account balance right after the credit note. Stored once rendered.",
  roles: ["ADMIN", "ACCOUNTS", "SUPPORT"],
  params: z.object({ id: z.string().min(1).max(40) }),
  produces: "application/pdf",
  responses: { 200: z.string().meta({ format: "binary" }) },
});

export const invoiceOperations = [finalizeInvoiceOp, getCreditNotePdfOp];
