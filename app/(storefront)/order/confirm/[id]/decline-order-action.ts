"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/http/define-action";
import { declineHeldOrder } from "@/lib/orders/decline-held-order";

export const declineOrderAction = defineAction({
  who: "customer",
  schema: z.object({ orderId: z.string().min(1).max(40) }),
  handler: async ({ actor, input }) => {
    await declineHeldOrder({ actor, orderId: input.orderId });
    revalidatePath(`/order/confirm/${input.orderId}`);
    return "Declined: the order is cancelled and nothing will be installed or billed.";
  },
});
