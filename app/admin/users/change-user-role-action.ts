"use server";

import { revalidatePath } from "next/cache";
import { requireStaff } from "@/lib/auth/session";
import { changeUserRole } from "@/lib/users/change-user-role";
import type { FormState } from "@/lib/http/form-state";
import { runFormAction } from "@/lib/http/run-form-action";

export async function changeUserRoleAction(_prev: FormState, form: FormData): Promise<FormState> {
  return runFormAction({}, async () => {
    const actor = await requireStaff("/admin/users");
    const user = await changeUserRole(actor, {
      userId: String(form.get("userId") ?? ""),
      role: String(form.get("role") ?? "") as never,
    });
    revalidatePath("/admin/users");
    return `${user.name} is now ${user.role.toLowerCase()}.`;
  });
}
