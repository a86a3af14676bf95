"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/http/define-action";
import { addCustomerNote } from "@/lib/customers/add-customer-note";
import { customerNoteSchema } from "@/lib/customers/customer-note-schema";

export const addCustomerNoteAction = defineAction({
  who: "staff",
  permission: "customers:read",
  returnTo: "/admin/customers",
  schema: customerNoteSchema,
  handler: async ({ actor, input }) => {
    await addCustomerNote({ actor, ...input });
    revalidatePath(`/admin/customers/${input.customerId}`);
    return "Note saved.";
  },
});
