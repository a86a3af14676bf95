"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/http/define-action";
import { text } from "@/lib/http/schemas";
import { createStkPush } from "@/lib/payments/rails/mpesa/create-stk-push";

export const startMpesaPromptAction = defineAction({
  who: "customer",
  schema: z.object({ invoiceId: text().min(1).max(64), phone: text().max(20) }),
  handler: async ({ actor, input }) => {
    await createStkPush({ actor, invoiceId: input.invoiceId, phone: input.phone });
    revalidatePath(`/portal/invoices/${input.invoiceId}`);
    return "Check your phone and enter your M-PESA PIN. The invoice shows as paid once M-PESA confirms.";
  },
});
