"use server";

import { redirect } from "next/navigation";
import { requestBillingRun } from "@/lib/billing/request-billing-run";
import { startRunSchema } from "@/lib/billing/start-run-schema";
import { defineAction } from "@/lib/http/define-action";

export const startRunAction = defineAction({
  who: "staff",
  returnTo: "/admin/billing",
  schema: startRunSchema,
  handler: async ({ actor, input }) => {
    const run = await requestBillingRun({ ...input, actor, trigger: "admin" });
    redirect(`/admin/billing/runs/${run.id}`);
  },
});
