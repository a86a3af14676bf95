"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { requireStaff } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { removeDemoData } from "@/lib/settings/remove-demo-data";
import type { FormState } from "@/lib/http/form-state";
import { runFormAction } from "@/lib/http/run-form-action";

export async function removeDemoDataAction(_prev: FormState, form: FormData): Promise<FormState> {
  let removed = 0;
  const state = await runFormAction({}, async () => {
    if (
      String(form.get("confirm") ?? "")
        .trim()
        .toUpperCase() !== "REMOVE"
    ) {
      throw new AppError("VALIDATION", "Type REMOVE to confirm.", {
        confirm: "Type REMOVE to confirm",
      });
    }
    const actor = await requireStaff("/admin/settings");
    removed = (await removeDemoData(actor)).customers;
    revalidatePath("/", "layout");
  });
  // The demo card disappears with the data, so the confirmation travels in the URL.
  if (state.status === "ok") redirect(`/admin/settings?demoRemoved=${removed}`);
  return state;
}
