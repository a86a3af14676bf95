"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/http/define-action";
import { authorizePixAutomatico } from "@/lib/payments/rails/pix/automatico/authorize-pix-automatico";
import { authorizePixAutomaticoFormSchema } from "@/lib/payments/rails/pix/automatico/pix-automatico-schema";

export const authorizePixAutomaticoAction = defineAction({
  who: "customer",
  schema: authorizePixAutomaticoFormSchema,
  handler: async ({ actor, input }) => {
    await authorizePixAutomatico({
      actor,
      customerId: actor.customerId,
      maxAmount: input.maxReais,
      periodicity: input.periodicity,
    });
    revalidatePath("/portal/payment-methods");
    return "Scan the code in your bank app to approve Pix Automático.";
  },
});
