// Invoice list filters, shared by the admin list and GET /api/v1/invoices.
import { z } from "zod";
import { flag, id, isoDate, limit, text } from "@/lib/http/schemas";

export const invoiceFilterSchema = z.object({
  status: z.enum(["DRAFT", "OPEN", "PARTIALLY_PAID", "PAID", "VOID", "UNCOLLECTIBLE"]).optional(),
  customerId: id().optional().meta({ description: "Only this customer's invoices" }),
  billingRunId: id().optional().meta({ description: "Only invoices made by this billing run" }),
  from: isoDate().optional().meta({ description: "Issued on or after" }),
  to: isoDate().optional().meta({ description: "Issued on or before" }),
  overdue: flag().optional().meta({ description: "true: open or part-paid and past the due date" }),
  number: text().trim().max(40).optional().meta({ description: "Part of the invoice number" }),
  after: text()
    .max(120)
    .optional()
    .meta({ description: "Cursor: `nextCursor` from the previous page" }),
  limit: limit(200, 50),
});
export type InvoiceFilter = z.input<typeof invoiceFilterSchema>;
