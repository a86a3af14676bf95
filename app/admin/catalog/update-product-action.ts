"use server";

import { redirect } from "next/navigation";
import { requireStaff } from "@/lib/auth/session";
import { updateProduct } from "@/lib/catalog/update-product";
import { formValues, type FormState } from "@/lib/http/form-state";
import { runFormAction } from "@/lib/http/run-form-action";
import { productInputFromForm } from "./product-form-values";

export async function updateProductAction(_prev: FormState, form: FormData): Promise<FormState> {
  const actor = await requireStaff("/admin/catalog");
  const state = await runFormAction(formValues(form), async () => {
    await updateProduct({ id: String(form.get("id")), input: productInputFromForm(form), actor });
  });
  if (state.status === "ok") redirect("/admin/catalog?saved=1");
  return state;
}
