"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import {
  updateCustomerContact,
  updateCustomerContactSchema,
} from "@/lib/customers/update-customer-contact";
import { defineAction } from "@/lib/http/define-action";

export const updateCustomerAction = defineAction({
  who: "staff",
  permission: "customers:write",
  returnTo: "/admin/customers",
  schema: updateCustomerContactSchema,
  handler: async ({ actor, input }) => {
    await updateCustomerContact({ actor, ...input });
    revalidatePath(`/admin/customers/${input.customerId}`);
    redirect(`/admin/customers/${input.customerId}`);
  },
});
