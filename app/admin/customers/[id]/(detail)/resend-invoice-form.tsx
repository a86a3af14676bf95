import { ActionForm } from "@/components/admin/action-form";
import { Field, Select } from "@/components/ui/field";
import type { Actor } from "@/lib/auth/roles";
import { formatDate } from "@/lib/format/dates";
import { formatMoney } from "@/lib/money/format-money";
import { listInvoices } from "@/lib/invoices/list-invoices";
import { resendInvoiceAction } from "./resend-invoice-action";

/** Pick one of the customer's recent invoices and email it again with its PDF. */
export async function ResendInvoiceForm(props: {
  actor: Actor;
  customerId: string;
  locale: string;
}) {
  const { invoices } = await listInvoices({
    actor: props.actor,
    filter: { customerId: props.customerId, limit: 24 },
  });
  const sendable = invoices.filter((i) => i.number && i.status !== "VOID" && i.status !== "DRAFT");
  if (!sendable.length) return null;
  return (
    <ActionForm
      action={resendInvoiceAction}
      submit="Resend invoice"
      pending="Sending…"
      variant="secondary"
      className="mt-4 flex flex-wrap items-end gap-3"
    >
      <input type="hidden" name="customerId" value={props.customerId} />
      <Field label="Invoice" name="invoiceId" className="min-w-0 flex-1">
        <Select name="invoiceId" defaultValue={sendable[0].id}>
          {sendable.map((i) => (
            <option key={i.id} value={i.id}>
              {i.number} · {formatDate(i.issueDate, props.locale)} ·{" "}
              {formatMoney(i.total, i.currency, props.locale)}
            </option>
          ))}
        </Select>
      </Field>
    </ActionForm>
  );
}
