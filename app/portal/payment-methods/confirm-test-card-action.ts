"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/http/define-action";
import { confirmTestPortalCard } from "@/lib/payment-methods/add-portal-card";

// Only against the local fake Stripe (lib refuses with 404 otherwise): the Payment Element's
// stand-in for tests and the offline demo.
export const confirmTestCardAction = defineAction({
  who: "customer",
  schema: z.object({ setupIntentId: z.string().min(1).max(255) }),
  handler: async ({ actor, input }) => {
    const data = await confirmTestPortalCard({ actor, customerId: actor.customerId, ...input });
    revalidatePath("/portal/payment-methods");
    return { message: "Card saved.", data };
  },
});
