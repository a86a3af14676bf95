"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/http/define-action";
import { parseMoneyInput } from "@/lib/money/parse-money";
import { createRefund } from "@/lib/payments/create-refund";

export const refundPaymentAction = defineAction({
  who: "staff",
  permission: "payments:write",
  schema: z.object({
    paymentId: z.string().min(1).max(64),
    currency: z.string().length(3),
    /** Empty: everything not yet refunded. */
    amount: z.string().max(30).optional(),
    reason: z.string().max(500),
  }),
  returnTo: "/admin/payments",
  handler: async ({ actor, input }) => {
    const p = await createRefund({
      actor,
      paymentId: input.paymentId,
      amount: input.amount?.trim() ? parseMoneyInput(input.amount, input.currency) : undefined,
      reason: input.reason,
    });
    revalidatePath(`/admin/payments/${p.id}`);
    return p.provider === "STRIPE"
      ? `Refunded to the customer's card through Stripe (payment ${p.number}).`
      : `Refund recorded on payment ${p.number}. Pay the money back by EFT or cash.`;
  },
});
