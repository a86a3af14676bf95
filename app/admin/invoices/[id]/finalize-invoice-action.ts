"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/http/define-action";
import { finalizeInvoice, finalizeInvoiceSchema } from "@/lib/invoices/finalize-invoice";

export const finalizeInvoiceAction = defineAction({
  who: "staff",
  permission: "billing:charge",
  returnTo: "/admin/invoices",
  schema: finalizeInvoiceSchema,
  handler: async ({ actor, input }) => {
    const inv = await finalizeInvoice({ ...input, actor });
    revalidatePath(`/admin/invoices/${inv.id}`);
    return `Finalised as ${inv.number}.`;
  },
});
