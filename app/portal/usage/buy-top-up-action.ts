"use server";

import { redirect } from "next/navigation";
import { defineAction } from "@/lib/http/define-action";
import { buyTopUp } from "@/lib/usage/buy-top-up";
import { buyTopUpSchema } from "@/lib/usage/top-up-schema";

/** Buys the plan's top-up and opens its invoice, where the customer pays it. */
export const buyTopUpAction = defineAction({
  who: "customer",
  returnTo: "/portal/usage",
  schema: buyTopUpSchema,
  handler: async ({ actor, input }) => {
    const { invoiceId } = await buyTopUp({ actor, subscriptionId: input.subscriptionId });
    redirect(invoiceId ? `/portal/invoices/${invoiceId}` : "/portal/usage");
  },
});
