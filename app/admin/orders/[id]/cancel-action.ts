"use server";

import type { FormState } from "@/lib/http/form-state";
import { cancelOrder } from "@/lib/orders/cancel-order";
import { runOrderAction } from "./run-order-action";

export async function cancelAction(_p: FormState, form: FormData): Promise<FormState> {
  return runOrderAction(
    form,
    (actor, orderId) => cancelOrder({ actor, orderId, reason: String(form.get("reason") ?? "") }),
    "Order cancelled.",
  );
}
