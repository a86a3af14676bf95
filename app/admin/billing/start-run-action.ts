"use server";

import { redirect } from "next/navigation";
import { requireStaff } from "@/lib/auth/session";
import { requestBillingRun } from "@/lib/billing/request-billing-run";
import { formValues, type FormState } from "@/lib/http/form-state";
import { runFormAction } from "@/lib/http/run-form-action";

export async function startRunAction(_prev: FormState, form: FormData): Promise<FormState> {
  const values = formValues(form);
  let runId = "";
  const state = await runFormAction(values, async () => {
    const actor = await requireStaff("/admin/billing");
    runId = (await requestBillingRun({ asOf: values.asOf ?? "", actor, trigger: "admin" })).id;
  });
  if (state.status === "ok") redirect(`/admin/billing/runs/${runId}`);
  return state;
}
