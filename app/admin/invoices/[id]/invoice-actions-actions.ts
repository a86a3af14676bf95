"use server";

import { revalidatePath } from "next/cache";
import { requireStaff } from "@/lib/auth/session";
import { finalizeInvoice } from "@/lib/invoices/finalize-invoice";
import { issueCreditNote } from "@/lib/invoices/issue-credit-note";
import { voidInvoice } from "@/lib/invoices/void-invoice";
import { db } from "@/lib/db";
import { formValues, type FormState } from "@/lib/http/form-state";
import { runFormAction } from "@/lib/http/run-form-action";
import { parseMoneyInput } from "@/lib/money/parse-money";

export async function issueCreditNoteAction(_prev: FormState, form: FormData): Promise<FormState> {
  const values = formValues(form);
  return runFormAction(values, async () => {
    const actor = await requireStaff("/admin/invoices");
    const inv = await db.invoice.findUniqueOrThrow({
      where: { id: values.invoiceId ?? "" },
      select: { id: true, currency: true },
    });
    const note = await issueCreditNote({
      invoiceId: inv.id,
      amount: parseMoneyInput(values.amount ?? "", inv.currency),
      reason: values.reason ?? "",
      actor,
    });
    revalidatePath(`/admin/invoices/${inv.id}`);
    return `Credit note ${note.number} issued.`;
  });
}

export async function voidInvoiceAction(_prev: FormState, form: FormData): Promise<FormState> {
  const values = formValues(form);
  return runFormAction(values, async () => {
    const actor = await requireStaff("/admin/invoices");
    await voidInvoice({ invoiceId: values.invoiceId ?? "", reason: values.reason ?? "", actor });
    revalidatePath(`/admin/invoices/${values.invoiceId}`);
    return "Invoice voided.";
  });
}

export async function finalizeInvoiceAction(_prev: FormState, form: FormData): Promise<FormState> {
  const values = formValues(form);
  return runFormAction(values, async () => {
    const actor = await requireStaff("/admin/invoices");
    const inv = await finalizeInvoice({ invoiceId: values.invoiceId ?? "", actor });
    revalidatePath(`/admin/invoices/${inv.id}`);
    return `Finalised as ${inv.number}.`;
  });
}
