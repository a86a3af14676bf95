"use server";

import { redirect } from "next/navigation";
import { runBilling } from "@/lib/billing/run-billing";
import { startRunSchema } from "@/lib/billing/start-run-schema";
import { defineAction } from "@/lib/http/define-action";

export const startRunAction = defineAction({
  who: "staff",
  permission: "billing:run",
  returnTo: "/admin/billing",
  schema: startRunSchema,
  handler: async ({ actor, input }) => {
    // Deferred: the billing.run job works through it; the run page shows its progress.
    const run = await runBilling({ ...input, actor, trigger: "admin", defer: true });
    redirect(`/admin/billing/runs/${run.runId}`);
  },
});
