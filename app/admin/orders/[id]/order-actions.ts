"use server";

// The pipeline's buttons. Each is one thin action: actor, one lib call, refresh the page.
import { revalidatePath } from "next/cache";
import { requireStaff } from "@/lib/auth/session";
import { formValues, type FormState } from "@/lib/http/form-state";
import { runFormAction } from "@/lib/http/run-form-action";
import { addOrderNote } from "@/lib/orders/add-order-note";
import { assignOrder } from "@/lib/orders/assign-order";
import { scheduleOrder } from "@/lib/orders/schedule-order";
import { activateOrder } from "@/lib/orders/activate-order";
import { cancelOrder } from "@/lib/orders/cancel-order";

async function run(form: FormData, fn: (actor: Awaited<ReturnType<typeof requireStaff>>, id: string) => Promise<unknown>, message: string) {
  const id = String(form.get("orderId"));
  const actor = await requireStaff(`/admin/orders/${id}`);
  const state = await runFormAction(formValues(form), async () => {
    await fn(actor, id);
    return message;
  });
  revalidatePath(`/admin/orders/${id}`);
  return state;
}

export async function addNoteAction(_p: FormState, form: FormData): Promise<FormState> {
  return run(form, (actor, orderId) => addOrderNote({ actor, orderId, body: String(form.get("body") ?? "") }), "Note added.");
}
export async function assignAction(_p: FormState, form: FormData): Promise<FormState> {
  return run(form, (actor, orderId) => assignOrder({ actor, orderId, userId: String(form.get("userId") ?? "") || null }), "Assigned.");
}
export async function scheduleAction(_p: FormState, form: FormData): Promise<FormState> {
  // datetime-local has no zone: the browser sends the staff member's wall time plus its offset.
  return run(form, (actor, orderId) => scheduleOrder({ actor, orderId, scheduledFor: `${form.get("scheduledFor")}${form.get("tz") ?? ""}` }), "Installation booked.");
}
export async function activateAction(_p: FormState, form: FormData): Promise<FormState> {
  return run(form, (actor, orderId) => activateOrder({ actor, orderId, startDate: String(form.get("startDate") ?? "") || undefined }), "Activated: billing starts on the activation date.");
}
export async function cancelAction(_p: FormState, form: FormData): Promise<FormState> {
  return run(form, (actor, orderId) => cancelOrder({ actor, orderId, reason: String(form.get("reason") ?? "") }), "Order cancelled.");
}
