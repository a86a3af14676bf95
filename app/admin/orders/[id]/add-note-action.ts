"use server";

import type { FormState } from "@/lib/http/form-state";
import { addOrderNote } from "@/lib/orders/add-order-note";
import { runOrderAction } from "./run-order-action";

export async function addNoteAction(_p: FormState, form: FormData): Promise<FormState> {
  return runOrderAction(
    form,
    (actor, orderId) => addOrderNote({ actor, orderId, body: String(form.get("body") ?? "") }),
    "Note added.",
  );
}
