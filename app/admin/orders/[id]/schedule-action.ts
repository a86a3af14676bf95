"use server";

import type { FormState } from "@/lib/http/form-state";
import { scheduleOrder } from "@/lib/orders/schedule-order";
import { runOrderAction } from "./run-order-action";

export async function scheduleAction(_p: FormState, form: FormData): Promise<FormState> {
  // datetime-local has no zone: the form adds the browser's UTC offset (TimezoneField).
  return runOrderAction(
    form,
    (actor, orderId) =>
      scheduleOrder({
        actor,
        orderId,
        scheduledFor: `${form.get("scheduledFor")}${form.get("tz") ?? ""}`,
      }),
    "Installation booked.",
  );
}
