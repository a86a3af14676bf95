"use server";

import type { FormState } from "@/lib/http/form-state";
import { assignOrder } from "@/lib/orders/assign-order";
import { runOrderAction } from "./run-order-action";

export async function assignAction(_p: FormState, form: FormData): Promise<FormState> {
  return runOrderAction(
    form,
    (actor, orderId) =>
      assignOrder({ actor, orderId, userId: String(form.get("userId") ?? "") || null }),
    "Assigned.",
  );
}
