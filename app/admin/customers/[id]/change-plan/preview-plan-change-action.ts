"use server";

import { z } from "zod";
import { defineAction } from "@/lib/http/define-action";
import { id } from "@/lib/http/schemas";
import { previewPlanChange, type PlanChangePreview } from "@/lib/subscriptions/preview-plan-change";

/** Staff see the planner's own proration lines before changing a customer's plan. */
export const staffPreviewPlanChangeAction = defineAction({
  who: "staff",
  permission: "customers:write",
  schema: z.object({ subscriptionId: id(), toProductId: id() }),
  handler: async ({ actor, input }): Promise<{ data: PlanChangePreview }> => ({
    data: await previewPlanChange({ actor, ...input }),
  }),
});
