"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/http/define-action";
import { voidInvoice, voidInvoiceSchema } from "@/lib/invoices/void-invoice";

export const voidInvoiceAction = defineAction({
  who: "staff",
  permission: "billing:charge",
  returnTo: "/admin/invoices",
  schema: voidInvoiceSchema,
  handler: async ({ actor, input }) => {
    await voidInvoice({ ...input, actor });
    revalidatePath(`/admin/invoices/${input.invoiceId}`);
    return "Invoice voided.";
  },
});
