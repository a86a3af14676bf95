"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { defineAction } from "@/lib/http/define-action";
import { id } from "@/lib/http/schemas";
import { changePlan } from "@/lib/subscriptions/change-plan";

export const changePlanAction = defineAction({
  who: "customer",
  schema: z.object({ subscriptionId: id(), toProductId: id() }),
  handler: async ({ actor, input }) => {
    const done = await changePlan({ actor, ...input });
    // An upgrade is invoiced at once: show that invoice; a downgrade shows the scheduled change.
    if (done.invoiceIds[0]) redirect(`/portal/invoices/${done.invoiceIds[0]}`);
    redirect(`/portal/services/${input.subscriptionId}?changed=1`);
  },
});
