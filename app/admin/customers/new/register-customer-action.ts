"use server";

import { redirect } from "next/navigation";
import { defineAction } from "@/lib/http/define-action";
import { registerCustomerSchema } from "@/lib/customers/customer-schemas";
import { registerCustomer } from "@/lib/customers/register-customer";

export const registerCustomerAction = defineAction({
  who: "staff",
  permission: "customers:write",
  returnTo: "/admin/customers/new",
  schema: registerCustomerSchema,
  handler: async ({ actor, input }) => {
    const { customer } = await registerCustomer({ actor, ...input });
    redirect(`/admin/customers/${customer.id}`);
  },
});
