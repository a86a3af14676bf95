"use server";

import { revalidatePath } from "next/cache";
import { requireStaff } from "@/lib/auth/session";
import { createStaffUser } from "@/lib/users/create-staff-user";
import { formValues, type FormState } from "@/lib/http/form-state";
import { runFormAction } from "@/lib/http/run-form-action";

export async function createStaffUserAction(_prev: FormState, form: FormData): Promise<FormState> {
  const values = formValues(form, ["password"]);
  return runFormAction(values, async () => {
    const actor = await requireStaff("/admin/users");
    const common = {
      name: values.name ?? "",
      email: values.email ?? "",
      role: values.role as never,
    };
    const user = await createStaffUser(
      actor,
      values.mode === "password"
        ? { ...common, mode: "password", password: String(form.get("password") ?? "") }
        : { ...common, mode: "invite" },
    );
    revalidatePath("/admin/users");
    return values.mode === "password"
      ? `${user.name} can sign in as ${user.email} with the temporary password you chose.`
      : `${user.name} has been emailed a link to choose a password (valid 72 hours).`;
  });
}
