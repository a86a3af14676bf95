"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { defineAction } from "@/lib/http/define-action";
import { id } from "@/lib/http/schemas";
import { changePlan } from "@/lib/subscriptions/change-plan";

/** Staff change a customer's plan (audited in changePlan with the staff member as actor). */
export const staffChangePlanAction = defineAction({
  who: "staff",
  permission: "customers:write",
  schema: z.object({ subscriptionId: id(), toProductId: id() }),
  handler: async ({ actor, input }) => {
    const done = await changePlan({ actor, ...input });
    // An upgrade is invoiced at once: show that invoice; a downgrade, the customer's page.
    if (done.invoiceIds[0]) redirect(`/admin/invoices/${done.invoiceIds[0]}`);
    redirect(`/admin/customers/${done.customerId}?plan_changed=1`);
  },
});
