"use server";

import { revalidatePath } from "next/cache";
import { requireStaff } from "@/lib/auth/session";
import { createOneOffCharge } from "@/lib/invoices/create-one-off-charge";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { formValues, type FormState } from "@/lib/http/form-state";
import { runFormAction } from "@/lib/http/run-form-action";
import { parseMoneyInput } from "@/lib/money/parse-money";

export async function createOneOffChargeAction(
  _prev: FormState,
  form: FormData,
): Promise<FormState> {
  const values = formValues(form);
  return runFormAction(values, async () => {
    const actor = await requireStaff("/admin/invoices");
    const customer = await db.customer.findUnique({
      where: { id: values.customerId ?? "" },
      select: { id: true, currency: true },
    });
    if (!customer) throw new AppError("NOT_FOUND", "Customer not found");
    if (!values.description?.trim())
      throw new AppError("VALIDATION", "Describe the charge.", { description: "Required" });
    const quantity = Number(values.quantity || "1");
    if (!Number.isInteger(quantity) || quantity < 1)
      throw new AppError("VALIDATION", "Quantity must be a whole number.", {
        quantity: "Whole number, at least 1",
      });
    const result = await createOneOffCharge({
      customerId: customer.id,
      description: values.description.trim(),
      amount: parseMoneyInput(values.amount ?? "", customer.currency),
      quantity,
      taxClassId: values.taxClassId || undefined,
      invoiceNow: values.invoiceNow === "1",
      actor,
    });
    revalidatePath("/admin/invoices");
    return result.invoiceIds.length
      ? "Charged on a new invoice."
      : "Added: it goes on the next invoice.";
  });
}
