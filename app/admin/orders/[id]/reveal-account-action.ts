"use server";

import { requireStaff } from "@/lib/auth/session";
import { requestIp } from "@/lib/http/client-ip";
import { revealAccountNumber } from "@/lib/payment-methods/reveal-account-number";
import { formValues, type FormState } from "@/lib/http/form-state";
import { runFormAction } from "@/lib/http/run-form-action";

export async function revealAccountAction(_p: FormState, form: FormData): Promise<FormState> {
  const actor = await requireStaff("/admin/orders");
  return runFormAction(formValues(form), async () => ({
    secret: await revealAccountNumber({
      actor,
      mandateId: String(form.get("mandateId")),
      ip: await requestIp(),
    }),
  }));
}
