"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/http/define-action";
import { finishPortalCardSetup } from "@/lib/payment-methods/add-portal-card";

export const finishCardSetupAction = defineAction({
  who: "customer",
  schema: z.object({ setupIntentId: z.string().min(1).max(255) }),
  handler: async ({ actor, input }) => {
    const data = await finishPortalCardSetup({ actor, customerId: actor.customerId, ...input });
    revalidatePath("/portal/payment-methods");
    return { message: "Card saved.", data };
  },
});
