"use server";

import { redirect } from "next/navigation";
import { requireStaff } from "@/lib/auth/session";
import { createCoverageArea } from "@/lib/coverage/create-coverage-area";
import { formValues, type FormState } from "@/lib/http/form-state";
import { runFormAction } from "@/lib/http/run-form-action";
import type { CoverageAreaInput } from "@/lib/coverage/coverage-area-schema";

export async function createCoverageAreaAction(_p: FormState, form: FormData): Promise<FormState> {
  const actor = await requireStaff("/admin/coverage");
  const v = formValues(form);
  const state = await runFormAction(v, async () => {
    await createCoverageArea({
      input: {
        name: v.name,
        technology: v.technology as CoverageAreaInput["technology"],
        status: v.status as CoverageAreaInput["status"],
        geometry: v.geometry,
      },
      actor,
    });
  });
  if (state.status === "ok") redirect("/admin/coverage?saved=1");
  return state;
}
