"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/http/define-action";
import { setDefaultPaymentMethod } from "@/lib/payment-methods/manage-payment-method";

export const setDefaultPaymentMethodAction = defineAction({
  who: "customer",
  schema: z.object({ paymentMethodId: z.string().min(1).max(64) }),
  handler: async ({ actor, input }) => {
    await setDefaultPaymentMethod({ actor, customerId: actor.customerId, ...input });
    revalidatePath("/portal/payment-methods");
    return "Default payment method changed.";
  },
});
