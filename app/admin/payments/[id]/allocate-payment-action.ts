"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/http/define-action";
import { parseMoneyInput } from "@/lib/money/parse-money";
import { allocatePayment } from "@/lib/payments/allocate-payment";

export const allocatePaymentAction = defineAction({
  who: "staff",
  permission: "payments:write",
  schema: z.object({
    paymentId: z.string().min(1).max(64),
    currency: z.string().length(3),
    /** Empty: oldest due first. */
    invoiceId: z.string().max(64).optional(),
    amount: z.string().max(30).optional(),
  }),
  returnTo: "/admin/payments",
  handler: async ({ actor, input }) => {
    const allocations = input.invoiceId
      ? [
          {
            invoiceId: input.invoiceId,
            amount: parseMoneyInput(input.amount ?? "", input.currency),
          },
        ]
      : undefined;
    const p = await allocatePayment({ actor, paymentId: input.paymentId, allocations });
    revalidatePath(`/admin/payments/${p.id}`);
    return "Allocated.";
  },
});
