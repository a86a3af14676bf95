"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/http/define-action";
import { createOneOffCharge, oneOffChargeSchema } from "@/lib/invoices/create-one-off-charge";

export const createOneOffChargeAction = defineAction({
  who: "staff",
  permission: "billing:charge",
  returnTo: "/admin/invoices",
  schema: oneOffChargeSchema,
  handler: async ({ actor, input }) => {
    const result = await createOneOffCharge({ ...input, actor });
    revalidatePath("/admin/invoices");
    return result.invoiceIds.length
      ? "Charged on a new invoice."
      : "Added: it goes on the next invoice.";
  },
});
