"use server";

import { resetPassword } from "@/lib/auth/reset-password";
import { type FormState } from "@/lib/http/form-state";
import { requestIp } from "@/lib/http/client-ip";
import { runFormAction } from "@/lib/http/run-form-action";

export async function resetPasswordAction(_prev: FormState, form: FormData): Promise<FormState> {
  const field = (k: string) => String(form.get(k) ?? "");
  return runFormAction({}, async () => {
    const { email } = await resetPassword({
      token: field("token"),
      password: field("password"),
      confirm: field("confirm"),
      ip: await requestIp(),
    });
    return `Your password is set. Sign in as ${email}.`;
  });
}
