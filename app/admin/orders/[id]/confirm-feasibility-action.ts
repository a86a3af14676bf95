"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/http/define-action";
import {
  confirmFeasibilitySchema,
  confirmOrderFeasibility,
} from "@/lib/orders/confirm-order-feasibility";

export const confirmFeasibilityAction = defineAction({
  who: "staff",
  permission: ["orders:write", "orders:activate"],
  schema: confirmFeasibilitySchema,
  handler: async ({ actor, input }) => {
    await confirmOrderFeasibility({ actor, ...input });
    revalidatePath(`/admin/orders/${input.orderId}`);
    return "Feasibility confirmed: the order can be activated.";
  },
});
