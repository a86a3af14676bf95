"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/http/define-action";
import { activateOrder, activateOrderSchema } from "@/lib/orders/activate-order";

export const activateAction = defineAction({
  who: "staff",
  permission: "orders:activate",
  returnTo: "/admin/orders",
  schema: activateOrderSchema,
  handler: async ({ actor, input }) => {
    await activateOrder({ ...input, actor });
    revalidatePath(`/admin/orders/${input.orderId}`);
    return "Activated: billing starts on the activation date.";
  },
});
