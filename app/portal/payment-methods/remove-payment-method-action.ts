"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/http/define-action";
import { removePaymentMethod } from "@/lib/payment-methods/manage-payment-method";

export const removePaymentMethodAction = defineAction({
  who: "customer",
  schema: z.object({ paymentMethodId: z.string().min(1).max(64) }),
  handler: async ({ actor, input }) => {
    await removePaymentMethod({ actor, customerId: actor.customerId, ...input });
    revalidatePath("/portal/payment-methods");
    return "Card removed.";
  },
});
