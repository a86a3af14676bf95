"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { defineAction } from "@/lib/http/define-action";
import { id } from "@/lib/http/schemas";
import { addAddon } from "@/lib/subscriptions/add-addon";

export const addAddonAction = defineAction({
  who: "customer",
  schema: z.object({ subscriptionId: id(), productId: id() }),
  handler: async ({ actor, input }) => {
    await addAddon({ actor, ...input });
    redirect(`/portal/services/${input.subscriptionId}?added=1`);
  },
});
