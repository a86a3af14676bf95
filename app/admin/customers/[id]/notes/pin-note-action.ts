"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/http/define-action";
import { pinNoteSchema } from "@/lib/customers/customer-note-schema";
import { setNotePinned } from "@/lib/customers/set-note-pinned";

export const pinNoteAction = defineAction({
  who: "staff",
  permission: "customers:read",
  returnTo: "/admin/customers",
  schema: pinNoteSchema,
  handler: async ({ actor, input }) => {
    const { customerId } = await setNotePinned({ actor, ...input });
    revalidatePath(`/admin/customers/${customerId}`);
    return input.pinned ? "Pinned." : "Unpinned.";
  },
});
