"use server";

import { placeOrder } from "@/lib/orders/place-order";
import type { CheckoutInput } from "@/lib/orders/checkout-schema";
import { requestIp } from "@/lib/http/client-ip";
import { runAction } from "./run-action";

export async function placeOrderAction(input: CheckoutInput) {
  return runAction(async () => {
    const placed = await placeOrder({ input, ip: await requestIp() });
    return { orderNumber: placed.orderNumber };
  });
}
