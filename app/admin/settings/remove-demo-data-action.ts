"use server";

import { revalidatePath } from "next/cache";
import { requireStaff } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { removeDemoData } from "@/lib/settings/remove-demo-data";
import type { FormState } from "@/lib/http/form-state";
import { runFormAction } from "@/lib/http/run-form-action";

export async function removeDemoDataAction(_prev: FormState, form: FormData): Promise<FormState> {
  return runFormAction({}, async () => {
    if (String(form.get("confirm") ?? "").trim().toUpperCase() !== "REMOVE") {
      throw new AppError("VALIDATION", "Type REMOVE to confirm.", { confirm: "Type REMOVE to confirm" });
    }
    const actor = await requireStaff("/admin/settings");
    const counts = await removeDemoData(actor);
    revalidatePath("/", "layout");
    return `Removed ${counts.customers} demo customers, ${counts.invoices} invoices and ${counts.staff} demo staff accounts.`;
  });
}
