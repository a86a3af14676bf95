"use server";

import { z } from "zod";
import { defineAction } from "@/lib/http/define-action";
import { startPortalCardSetup } from "@/lib/payment-methods/add-portal-card";

export const startCardSetupAction = defineAction({
  who: "customer",
  schema: z.object({}),
  handler: async ({ actor }) => ({
    data: await startPortalCardSetup({ actor, customerId: actor.customerId }),
  }),
});
