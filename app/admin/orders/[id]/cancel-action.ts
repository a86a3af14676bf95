"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/http/define-action";
import { cancelOrder, cancelOrderSchema } from "@/lib/orders/cancel-order";

export const cancelAction = defineAction({
  who: "staff",
  permission: "orders:write",
  returnTo: "/admin/orders",
  schema: cancelOrderSchema,
  handler: async ({ actor, input }) => {
    await cancelOrder({ ...input, actor });
    revalidatePath(`/admin/orders/${input.orderId}`);
    return "Order cancelled.";
  },
});
