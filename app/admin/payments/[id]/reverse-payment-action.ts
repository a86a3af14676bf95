"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/http/define-action";
import { reversePayment } from "@/lib/payments/reverse-payment";

export const reversePaymentAction = defineAction({
  who: "staff",
  permission: "payments:write",
  schema: z.object({ paymentId: z.string().min(1).max(64), reason: z.string().max(500) }),
  returnTo: "/admin/payments",
  handler: async ({ actor, input }) => {
    const p = await reversePayment({ actor, paymentId: input.paymentId, reason: input.reason });
    revalidatePath(`/admin/payments/${p.id}`);
    return `Payment ${p.number} reversed; the invoices it paid are open again.`;
  },
});
