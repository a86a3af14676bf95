"use server";

import { revalidatePath } from "next/cache";
import { requireStaff } from "@/lib/auth/session";
import { updateSettings } from "@/lib/settings/update-settings";
import { SETTINGS_BOOLEANS } from "@/lib/settings/settings-schema";
import { formValues, type FormState } from "@/lib/http/form-state";
import { runFormAction } from "@/lib/http/run-form-action";

export async function updateSettingsAction(_prev: FormState, form: FormData): Promise<FormState> {
  const values = formValues(form);
  return runFormAction(values, async () => {
    const actor = await requireStaff("/admin/settings");
    // Unchecked checkboxes are absent from the form: absent means false.
    const booleans = Object.fromEntries(SETTINGS_BOOLEANS.map((k) => [k, form.get(k) === "on"]));
    const { changed } = await updateSettings(actor, { ...values, ...booleans } as never);
    revalidatePath("/", "layout");
    return changed.length
      ? `Saved ${changed.length} change${changed.length === 1 ? "" : "s"}.`
      : "Nothing changed.";
  });
}
