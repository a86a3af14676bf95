"use server";

import { redirect } from "next/navigation";
import { requireStaff } from "@/lib/auth/session";
import { runBilling } from "@/lib/billing/run-billing";
import { formValues, type FormState } from "@/lib/http/form-state";
import { runFormAction } from "@/lib/http/run-form-action";

export async function startRunAction(_prev: FormState, form: FormData): Promise<FormState> {
  const values = formValues(form);
  let runId = "";
  const state = await runFormAction(values, async () => {
    const actor = await requireStaff("/admin/billing");
    const run = await runBilling({ asOf: values.asOf ?? "", actor, trigger: "admin", defer: true });
    runId = run.runId;
  });
  if (state.status === "ok") redirect(`/admin/billing/runs/${runId}`);
  return state;
}
