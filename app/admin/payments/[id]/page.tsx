import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/admin/action-form";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import { Field, Input, Select } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState, Table, Td, Th } from "@/components/ui/table";
import { StatusBadge } from "@/components/ui/status-badge";
import { requirePermission } from "@/lib/auth/require-permission";
import { can } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { getCustomerDetails } from "@/lib/customers/get-customer-details";
import { formatMoney } from "@/lib/money/format-money";
import { getAllocationOptions } from "@/lib/payments/get-allocation-options";
import { getPayment } from "@/lib/payments/get-payment";
import { paymentMethodLabel } from "@/lib/format/labels";
import { getBranding } from "@/lib/settings/get-branding";
import { formatDate } from "@/lib/format/dates";
import { allocatePaymentAction } from "./allocate-payment-action";
import { refundPaymentAction } from "./refund-payment-action";
import { reversePaymentAction } from "./reverse-payment-action";

export const metadata = { title: "Payment" };

export default async function PaymentPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ recorded?: string }>;
}) {
  const actor = await requirePermission("payments:read", "/admin/payments");
  const { id } = await params;
  const { recorded } = await searchParams;
  const p = await getPayment({ actor, paymentId: id }).catch((e) => {
    if (e instanceof AppError && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  const mayWrite = can(actor, "payments:write");
  const [customer, brand, options] = await Promise.all([
    getCustomerDetails({ actor, customerId: p.customerId }),
    getBranding(),
    mayWrite && p.status === "SUCCEEDED" && p.unallocated > 0
      ? getAllocationOptions({ actor, customerId: p.customerId })
      : null,
  ]);
  const money = (n: number) => formatMoney(n, p.currency, brand.locale);
  const name = customer.companyName ?? `${customer.firstName} ${customer.lastName}`;
  const applied = p.allocations.reduce((s, a) => s + a.amount, 0);
  const reversible =
    mayWrite && p.status === "SUCCEEDED" && p.provider !== "STRIPE" && p.refunded === 0;
  const refundable = mayWrite && p.status === "SUCCEEDED" && p.refunded < p.amount;
  return (
    <>
      <Link href="/admin/payments" className="text-sm font-medium text-brand-700 hover:underline">
        ← Payments
      </Link>
      <PageHeader
        title={p.number ? `Payment ${p.number}` : "Payment attempt"}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <StatusBadge kind="payment" status={p.status} />
            <Link
              className="text-brand-700 hover:underline"
              href={`/admin/customers/${p.customerId}`}
            >
              {name} · {customer.accountNumber}
            </Link>
            <span>
              {paymentMethodLabel(p.method)} · received {formatDate(p.receivedOn, brand.locale)}
            </span>
          </span>
        }
        actions={
          p.number && (
            <a
              className="rounded-md bg-white px-3.5 py-2 text-sm font-semibold text-slate-800 shadow-sm ring-1 ring-inset ring-slate-300 hover:bg-slate-50"
              href={`/api/payments/${p.id}/receipt`}
              target="_blank"
              rel="noreferrer"
            >
              Receipt PDF
            </a>
          )
        }
      />
      {recorded && p.status === "SUCCEEDED" && (
        <Alert tone="success" className="mb-6">
          Payment {p.number} recorded
          {p.allocations.length
            ? ` and applied to ${p.allocations.map((a) => a.invoiceNumber).join(", ")}`
            : ""}
          .
        </Alert>
      )}
      {p.status === "REVERSED" && (
        <Alert tone="error" className="mb-6">
          Reversed <DateTime value={p.reversedAt} locale={brand.locale} timeZone={brand.timeZone} />
          : {p.reversalReason}
        </Alert>
      )}
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card>
            <CardHeader title="Applied to" description="Invoices this payment pays." />
            {p.allocations.length === 0 ? (
              <EmptyState title="Not on any invoice">
                {p.unallocated > 0 ? "The money is credit on the customer's account." : null}
              </EmptyState>
            ) : (
              <Table>
                <thead className="bg-slate-50">
                  <tr>
                    <Th>Invoice</Th>
                    <Th numeric>Amount</Th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {p.allocations.map((a) => (
                    <tr key={a.invoiceId}>
                      <Td>
                        <Link
                          className="font-mono text-xs font-semibold text-brand-700 hover:underline"
                          href={`/admin/invoices/${a.invoiceId}`}
                        >
                          {a.invoiceNumber}
                        </Link>
                      </Td>
                      <Td numeric>{money(a.amount)}</Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            )}
          </Card>
          <Card>
            <CardHeader title="Details" />
            <CardBody>
              <dl className="grid grid-cols-[9rem_1fr] gap-y-2 text-sm">
                <dt className="text-slate-500">Reference</dt>
                <dd>{p.reference ?? "—"}</dd>
                <dt className="text-slate-500">Note</dt>
                <dd className="whitespace-pre-wrap">{p.note ?? "—"}</dd>
                <dt className="text-slate-500">Recorded</dt>
                <dd>
                  <DateTime value={p.createdAt} locale={brand.locale} timeZone={brand.timeZone} />
                </dd>
                <dt className="text-slate-500">Source</dt>
                <dd className="lowercase">{p.provider}</dd>
              </dl>
            </CardBody>
          </Card>
        </div>
        <div className="space-y-6">
          <Card>
            <CardHeader title="Amounts" />
            <CardBody>
              <dl className="grid grid-cols-2 gap-y-2 text-sm">
                <dt className="text-slate-500">Received</dt>
                <dd className="tabular text-right">{money(p.amount)}</dd>
                <dt className="text-slate-500">On invoices</dt>
                <dd className="tabular text-right">{money(applied)}</dd>
                <dt className="text-slate-500">Refunded</dt>
                <dd className="tabular text-right">{money(p.refunded)}</dd>
                <dt className="font-semibold">Credit left</dt>
                <dd className="tabular text-right font-semibold">{money(p.unallocated)}</dd>
              </dl>
            </CardBody>
          </Card>
          {options && options.openInvoices.length > 0 && (
            <Card>
              <CardHeader
                title="Allocate credit"
                description={`${money(p.unallocated)} of this payment is not on an invoice yet.`}
              />
              <CardBody>
                <ActionForm action={allocatePaymentAction} submit="Allocate" pending="Allocating…">
                  <input type="hidden" name="paymentId" value={p.id} />
                  <input type="hidden" name="currency" value={p.currency} />
                  <Field label="Invoice" name="invoiceId">
                    <Select name="invoiceId" defaultValue="">
                      <option value="">Oldest due first</option>
                      {options.openInvoices.map((i) => (
                        <option key={i.id} value={i.id}>
                          {i.number} · {money(i.open)} open
                        </option>
                      ))}
                    </Select>
                  </Field>
                  <Field label="Amount" name="amount" hint="For a chosen invoice">
                    <Input name="amount" inputMode="decimal" className="tabular text-right" />
                  </Field>
                </ActionForm>
              </CardBody>
            </Card>
          )}
          {refundable && (
            <Card>
              <CardHeader
                title="Refund"
                description={
                  p.provider === "STRIPE"
                    ? "Gives money back to the customer's card through Stripe."
                    : "Records money paid back outside Lastmile (EFT, cash)."
                }
              />
              <CardBody>
                <ActionForm
                  action={refundPaymentAction}
                  submit="Refund"
                  pending="Refunding…"
                  variant="danger"
                >
                  <input type="hidden" name="paymentId" value={p.id} />
                  <input type="hidden" name="currency" value={p.currency} />
                  <Field
                    label="Amount"
                    name="amount"
                    hint={`Empty: all ${money(p.amount - p.refunded)} not yet refunded`}
                  >
                    <Input name="amount" inputMode="decimal" className="tabular text-right" />
                  </Field>
                  <Field label="Reason" name="reason">
                    <Input name="reason" placeholder="e.g. customer cancelled" required />
                  </Field>
                </ActionForm>
              </CardBody>
            </Card>
          )}
          {reversible && (
            <Card>
              <CardHeader
                title="Reverse"
                description="For a bounced cheque or a mistaken entry: the invoices it paid open again."
              />
              <CardBody>
                <ActionForm
                  action={reversePaymentAction}
                  submit="Reverse payment"
                  pending="Reversing…"
                  variant="danger"
                >
                  <input type="hidden" name="paymentId" value={p.id} />
                  <Field label="Reason" name="reason">
                    <Input name="reason" placeholder="e.g. cheque returned unpaid" required />
                  </Field>
                </ActionForm>
              </CardBody>
            </Card>
          )}
        </div>
      </div>
    </>
  );
}
