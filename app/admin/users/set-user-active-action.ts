"use server";

import { revalidatePath } from "next/cache";
import { requireStaff } from "@/lib/auth/session";
import { setUserActive } from "@/lib/users/set-user-active";
import type { FormState } from "@/lib/http/form-state";
import { runFormAction } from "@/lib/http/run-form-action";

export async function setUserActiveAction(_prev: FormState, form: FormData): Promise<FormState> {
  return runFormAction({}, async () => {
    const actor = await requireStaff("/admin/users");
    const user = await setUserActive(actor, {
      userId: String(form.get("userId") ?? ""),
      active: form.get("active") === "true",
    });
    revalidatePath("/admin/users");
    return `${user.name} ${user.active ? "can sign in again" : "can no longer sign in"}.`;
  });
}
