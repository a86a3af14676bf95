"use server";

import type { FormState } from "@/lib/http/form-state";
import { activateOrder } from "@/lib/orders/activate-order";
import { runOrderAction } from "./run-order-action";

export async function activateAction(_p: FormState, form: FormData): Promise<FormState> {
  return runOrderAction(
    form,
    (actor, orderId) =>
      activateOrder({
        actor,
        orderId,
        startDate: String(form.get("startDate") ?? "") || undefined,
      }),
    "Activated: billing starts on the activation date.",
  );
}
