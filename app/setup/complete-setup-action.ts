"use server";

import { redirect } from "next/navigation";
import { createIsp } from "@/lib/setup/create-isp";
import { formValues, type FormState } from "@/lib/http/form-state";
import { runFormAction } from "@/lib/http/run-form-action";

export async function completeSetupAction(_prev: FormState, form: FormData): Promise<FormState> {
  const values = formValues(form, ["adminPassword"]);
  const state = await runFormAction(values, async () => {
    await createIsp({
      name: values.name,
      country: values.country,
      currency: values.currency,
      timeZone: values.timeZone,
      locale: values.locale || "en",
      taxName: values.taxName,
      taxRate: values.taxRate,
      // A select, not a checkbox: z.coerce.boolean() would read "false" as true.
      pricesIncludeTax: values.pricesIncludeTax !== "false",
      adminName: values.adminName,
      adminEmail: values.adminEmail,
      adminPassword: String(form.get("adminPassword") ?? ""),
    });
  });
  if (state.status === "ok") redirect("/signin?callbackUrl=%2Fadmin");
  return state;
}
