"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/http/define-action";
import { addOrderNote, addOrderNoteSchema } from "@/lib/orders/add-order-note";

export const addNoteAction = defineAction({
  who: "staff",
  permission: ["orders:write", "orders:activate"],
  returnTo: "/admin/orders",
  schema: addOrderNoteSchema,
  handler: async ({ actor, input }) => {
    await addOrderNote({ ...input, actor });
    revalidatePath(`/admin/orders/${input.orderId}`);
    return "Note added.";
  },
});
