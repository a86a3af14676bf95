import { revalidatePath } from "next/cache";
import { requireStaff } from "@/lib/auth/session";
import { formValues, type FormState } from "@/lib/http/form-state";
import { runFormAction } from "@/lib/http/run-form-action";

type Staff = Awaited<ReturnType<typeof requireStaff>>;

/** Shared body of the pipeline's actions: resolve the staff actor, run one lib call, refresh the page. */
export async function runOrderAction(
  form: FormData,
  fn: (actor: Staff, orderId: string) => Promise<unknown>,
  message: string,
): Promise<FormState> {
  const id = String(form.get("orderId"));
  const actor = await requireStaff(`/admin/orders/${id}`);
  const state = await runFormAction(formValues(form), async () => {
    await fn(actor, id);
    return message;
  });
  revalidatePath(`/admin/orders/${id}`);
  return state;
}
