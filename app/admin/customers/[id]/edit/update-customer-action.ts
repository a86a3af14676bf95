"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { requireStaff } from "@/lib/auth/session";
import { updateCustomerContact } from "@/lib/customers/update-customer-contact";
import { formValues, type FormState } from "@/lib/http/form-state";
import { runFormAction } from "@/lib/http/run-form-action";

export async function updateCustomerAction(
  customerId: string,
  _prev: FormState,
  form: FormData,
): Promise<FormState> {
  const v = formValues(form);
  const state = await runFormAction(v, async () => {
    const actor = await requireStaff(`/admin/customers/${customerId}/edit`);
    await updateCustomerContact(actor, customerId, {
      type: v.type as "RESIDENTIAL" | "BUSINESS",
      firstName: v.firstName ?? "",
      lastName: v.lastName ?? "",
      companyName: v.companyName,
      email: v.email ?? "",
      phone: v.phone,
      idNumber: v.idNumber,
      taxNumber: v.taxNumber,
      marketingOptIn: form.get("marketingOptIn") === "on",
      address: {
        line1: v.line1 ?? "",
        line2: v.line2,
        suburb: v.suburb,
        city: v.city ?? "",
        postalCode: v.postalCode,
        region: v.region,
        country: v.country ?? "",
      },
    });
    revalidatePath(`/admin/customers/${customerId}`);
  });
  if (state.status === "ok") redirect(`/admin/customers/${customerId}`);
  return state;
}
