"use server";

import { currentActor } from "@/lib/auth/session";
import { defineAction } from "@/lib/http/define-action";
import { requestIp } from "@/lib/http/client-ip";
import { checkoutSchema } from "@/lib/orders/checkout-schema";
import { placeOrder } from "@/lib/orders/place-order";

export const placeOrderAction = defineAction({
  who: "public",
  schema: checkoutSchema,
  handler: async ({ input }) => {
    // Signed in as a customer, the order goes on that account (another service).
    const actor = await currentActor();
    const placed = await placeOrder({ input, ip: await requestIp(), actor });
    return { data: { orderNumber: placed.orderNumber } };
  },
});
