"use server";

import { redirect } from "next/navigation";
import { changePassword } from "@/lib/auth/change-password";
import { reissueSessionCookie } from "@/lib/auth/reissue-session";
import { currentActor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { type FormState } from "@/lib/http/form-state";
import { requestIp } from "@/lib/http/client-ip";
import { runFormAction } from "@/lib/http/run-form-action";
import { safeReturnTo } from "@/lib/http/safe-return-to";

export async function changePasswordAction(_prev: FormState, form: FormData): Promise<FormState> {
  const field = (k: string) => String(form.get(k) ?? "");
  return runFormAction({}, async () => {
    const actor = await currentActor();
    if (!actor) throw new AppError("FORBIDDEN", "Sign in again to change your password.");
    const { sessionVersion } = await changePassword({
      actor,
      input: { current: field("current"), password: field("password"), confirm: field("confirm") },
      ip: await requestIp(),
    });
    await reissueSessionCookie(sessionVersion);
    redirect(safeReturnTo(field("callbackUrl")));
  });
}
