"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/http/define-action";
import { assignOrder, assignOrderSchema } from "@/lib/orders/assign-order";

export const assignAction = defineAction({
  who: "staff",
  permission: "orders:write",
  returnTo: "/admin/orders",
  schema: assignOrderSchema,
  handler: async ({ actor, input }) => {
    await assignOrder({ ...input, actor });
    revalidatePath(`/admin/orders/${input.orderId}`);
    return "Assigned.";
  },
});
