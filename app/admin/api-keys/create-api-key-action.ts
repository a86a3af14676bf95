"use server";

import { revalidatePath } from "next/cache";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { requireStaff } from "@/lib/auth/session";
import { formValues, type FormState } from "@/lib/http/form-state";
import { runFormAction } from "@/lib/http/run-form-action";

export async function createApiKeyAction(_prev: FormState, form: FormData): Promise<FormState> {
  const values = formValues(form);
  return runFormAction(values, async () => {
    const actor = await requireStaff("/admin/api-keys");
    const created = await createApiKey(actor, {
      name: values.name ?? "",
      role: values.role as never,
    });
    revalidatePath("/admin/api-keys");
    return {
      message: `Key “${created.name}” created with role ${created.role.toLowerCase()}.`,
      secret: created.key,
    };
  });
}
