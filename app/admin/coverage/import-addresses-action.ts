"use server";

import { revalidatePath } from "next/cache";
import { requireStaff } from "@/lib/auth/session";
import { importServiceableAddresses } from "@/lib/coverage/import-serviceable-addresses";
import { formValues, type FormState } from "@/lib/http/form-state";
import { runFormAction } from "@/lib/http/run-form-action";
import { AppError } from "@/lib/errors";

export async function importAddressesAction(_p: FormState, form: FormData): Promise<FormState> {
  const actor = await requireStaff("/admin/coverage/addresses");
  const state = await runFormAction(formValues(form), async () => {
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0)
      throw new AppError("VALIDATION", "Choose a CSV file.", { file: "Choose a file" });
    const { imported } = await importServiceableAddresses({
      text: await file.text(),
      replace: form.get("replace") === "on",
      actor,
    });
    return `Imported ${imported.toLocaleString()} addresses.`;
  });
  revalidatePath("/admin/coverage/addresses");
  return state;
}
