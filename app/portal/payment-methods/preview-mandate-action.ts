"use server";

import { defineAction } from "@/lib/http/define-action";
import { portalMandateDraftSchema } from "@/lib/bank/portal-mandate-schema";
import { previewPortalMandate } from "@/lib/bank/preview-portal-mandate";

export const previewMandateAction = defineAction({
  who: "customer",
  schema: portalMandateDraftSchema,
  handler: async ({ actor, input }) => ({
    data: await previewPortalMandate({ actor, customerId: actor.customerId, ...input }),
  }),
});
