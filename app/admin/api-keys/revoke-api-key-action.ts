"use server";

import { revalidatePath } from "next/cache";
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";
import { requireStaff } from "@/lib/auth/session";
import type { FormState } from "@/lib/http/form-state";
import { runFormAction } from "@/lib/http/run-form-action";

export async function revokeApiKeyAction(_prev: FormState, form: FormData): Promise<FormState> {
  return runFormAction({}, async () => {
    const actor = await requireStaff("/admin/api-keys");
    const key = await revokeApiKey(actor, { id: String(form.get("id") ?? "") });
    revalidatePath("/admin/api-keys");
    return `Key “${key.name}” revoked.`;
  });
}
