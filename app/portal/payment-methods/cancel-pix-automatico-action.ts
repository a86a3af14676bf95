"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/http/define-action";
import { cancelPixAutomatico } from "@/lib/payments/rails/pix/automatico/cancel-pix-automatico";

export const cancelPixAutomaticoAction = defineAction({
  who: "customer",
  schema: z.object({}),
  handler: async ({ actor }) => {
    await cancelPixAutomatico({ actor, customerId: actor.customerId });
    revalidatePath("/portal/payment-methods");
    return "Pix Automático cancelled. You pay each invoice yourself again.";
  },
});
