"use server";

import { requestPasswordReset, RESET_REQUESTED_MESSAGE } from "@/lib/auth/request-password-reset";
import { formValues, type FormState } from "@/lib/http/form-state";
import { requestIp } from "@/lib/http/client-ip";
import { runFormAction } from "@/lib/http/run-form-action";

export async function requestResetAction(_prev: FormState, form: FormData): Promise<FormState> {
  const values = formValues(form);
  return runFormAction(values, async () => {
    await requestPasswordReset({ email: values.email ?? "", ip: await requestIp() });
    return RESET_REQUESTED_MESSAGE;
  });
}
