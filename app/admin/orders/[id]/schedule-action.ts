"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/http/define-action";
import { scheduleOrder, scheduleOrderSchema } from "@/lib/orders/schedule-order";

export const scheduleAction = defineAction({
  who: "staff",
  permission: ["orders:write", "orders:activate"],
  returnTo: "/admin/orders",
  schema: scheduleOrderSchema,
  handler: async ({ actor, input }) => {
    await scheduleOrder({ ...input, actor });
    revalidatePath(`/admin/orders/${input.orderId}`);
    return "Installation booked.";
  },
});
