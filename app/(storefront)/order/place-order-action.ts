"use server";

import { defineAction } from "@/lib/http/define-action";
import { requestIp } from "@/lib/http/client-ip";
import { checkoutSchema } from "@/lib/orders/checkout-schema";
import { placeOrder } from "@/lib/orders/place-order";

export const placeOrderAction = defineAction({
  who: "public",
  schema: checkoutSchema,
  handler: async ({ input }) => {
    const placed = await placeOrder({ input, ip: await requestIp() });
    return { data: { orderNumber: placed.orderNumber } };
  },
});
