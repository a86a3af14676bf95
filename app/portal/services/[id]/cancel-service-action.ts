"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { defineAction } from "@/lib/http/define-action";
import { id } from "@/lib/http/schemas";
import { cancelSubscription } from "@/lib/subscriptions/cancel-subscription";

/** Notice given today; the service ends at the period end the plan's notice reaches. */
export const cancelServiceAction = defineAction({
  who: "customer",
  schema: z.object({ subscriptionId: id(), returnTo: id().optional() }),
  handler: async ({ actor, input }) => {
    await cancelSubscription({ actor, subscriptionId: input.subscriptionId });
    redirect(`/portal/services/${input.returnTo ?? input.subscriptionId}?cancelled=1`);
  },
});
