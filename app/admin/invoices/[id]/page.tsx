import Link from "next/link";
import { notFound } from "next/navigation";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState, Table, Td, Th } from "@/components/ui/table";
import { requirePermission } from "@/lib/auth/require-permission";
import { can } from "@/lib/auth/roles";
import { getInvoice } from "@/lib/invoices/get-invoice";
import { AppError } from "@/lib/errors";
import { formatMoney } from "@/lib/money/format-money";
import { getBranding } from "@/lib/settings/get-branding";
import { ButtonLink } from "@/components/ui/button";
import { StatusBadge } from "@/components/ui/status-badge";
import { todayForIsp } from "@/lib/billing/billing-settings";
import { formatDate, formatPeriod } from "@/lib/format/dates";
import { paymentMethodLabel } from "@/lib/format/labels";
import { formatPercent } from "@/lib/format/numbers";
import { invoiceDisplayStatus } from "@/lib/format/status";
import { InvoiceActions } from "./invoice-actions";

export const metadata = { title: "Invoice" };

export default async function InvoicePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePermission("billing:read", "/admin/invoices");
  const { id } = await params;
  const inv = await getInvoice({ invoiceId: id, actor }).catch((e) => {
    if (e instanceof AppError && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  const [brand, today] = await Promise.all([getBranding(), todayForIsp()]);
  const money = (n: number) => formatMoney(n, inv.currency, brand.locale);
  const name = inv.customer.companyName ?? `${inv.customer.firstName} ${inv.customer.lastName}`;
  const creditable = inv.total - inv.amountCredited;
  return (
    <>
      <Link href="/admin/invoices" className="text-sm font-medium text-brand-700 hover:underline">
        ← Invoices
      </Link>
      <PageHeader
        title={inv.number ? `Invoice ${inv.number}` : "Draft invoice"}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <StatusBadge kind="invoice" status={invoiceDisplayStatus(inv, today)} />
            <Link
              className="text-brand-700 hover:underline"
              href={`/admin/invoices?customer=${inv.customerId}`}
            >
              {name} · {inv.customer.accountNumber}
            </Link>
            <span>
              Issued {formatDate(inv.issueDate, brand.locale)} · due{" "}
              {formatDate(inv.dueDate, brand.locale)}
            </span>
          </span>
        }
        actions={
          <>
            <a
              className="rounded-md bg-white px-3.5 py-2 text-sm font-semibold text-slate-800 shadow-sm ring-1 ring-inset ring-slate-300 hover:bg-slate-50"
              href={`/api/invoices/${inv.id}/pdf`}
              target="_blank"
              rel="noreferrer"
            >
              PDF
            </a>
            {can(actor, "payments:write") &&
              (inv.status === "OPEN" || inv.status === "PARTIALLY_PAID") && (
                <ButtonLink
                  href={`/admin/payments/new?customer=${inv.customerId}&invoice=${inv.id}`}
                >
                  Record payment
                </ButtonLink>
              )}
          </>
        }
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card>
            <Table>
              <thead className="bg-slate-50">
                <tr>
                  <Th>Description</Th>
                  <Th>Period</Th>
                  <Th numeric>Tax rate</Th>
                  <Th numeric>Net</Th>
                  <Th numeric>Tax</Th>
                  <Th numeric>Total</Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {inv.lines.map((l) => (
                  <tr key={l.id}>
                    <Td className="whitespace-normal">
                      {l.description}
                      {l.quantity !== "1" && ` × ${l.quantity}`}
                    </Td>
                    <Td className="tabular">
                      {l.periodStart && formatPeriod(l.periodStart, l.periodEnd, brand.locale)}
                    </Td>
                    <Td numeric>{formatPercent(l.taxRate, brand.locale)}</Td>
                    <Td numeric>{money(l.netAmount)}</Td>
                    <Td numeric>{money(l.taxAmount)}</Td>
                    <Td numeric>{money(l.totalAmount)}</Td>
                  </tr>
                ))}
              </tbody>
              <tfoot className="border-t border-slate-200 text-sm">
                {inv.taxes.map((t) => (
                  <tr key={t.rate}>
                    <Td className="text-slate-500">
                      Tax {formatPercent(t.rate, brand.locale)} on {money(t.netAmount)}
                    </Td>
                    <Td />
                    <Td />
                    <Td />
                    <Td numeric>{money(t.taxAmount)}</Td>
                    <Td />
                  </tr>
                ))}
                <tr>
                  <Td className="font-semibold">Total</Td>
                  <Td />
                  <Td />
                  <Td numeric>{money(inv.subtotal)}</Td>
                  <Td numeric>{money(inv.taxTotal)}</Td>
                  <Td numeric className="font-semibold">
                    {money(inv.total)}
                  </Td>
                </tr>
              </tfoot>
            </Table>
          </Card>
          <Card>
            <CardHeader title="Credit notes and payments" />
            {inv.creditNotes.length + inv.payments.length === 0 ? (
              <EmptyState title="Nothing credited or paid yet" />
            ) : (
              <ul className="divide-y divide-slate-100 text-sm">
                {inv.creditNotes.map((c) => (
                  <li key={c.id} className="flex justify-between px-5 py-3">
                    <span>
                      <a
                        className="font-mono text-brand-700 hover:underline"
                        href={`/api/credit-notes/${c.id}/pdf`}
                        target="_blank"
                        rel="noreferrer"
                      >
                        {c.number}
                      </a>{" "}
                      · {c.reason} ·{" "}
                      <DateTime
                        value={c.issuedAt}
                        locale={brand.locale}
                        timeZone={brand.timeZone}
                      />
                    </span>
                    <span className="tabular">−{money(c.total)}</span>
                  </li>
                ))}
                {inv.payments.map((p) => (
                  <li key={p.paymentId} className="flex justify-between px-5 py-3">
                    <span>
                      {can(actor, "payments:read") ? (
                        <Link
                          className="text-brand-700 hover:underline"
                          href={`/admin/payments/${p.paymentId}`}
                        >
                          Payment
                        </Link>
                      ) : (
                        "Payment"
                      )}{" "}
                      ({paymentMethodLabel(p.method)}
                      {p.reference ? `, ${p.reference}` : ""}) ·{" "}
                      <DateTime
                        value={p.receivedAt}
                        locale={brand.locale}
                        timeZone={brand.timeZone}
                      />
                    </span>
                    <span className="tabular">−{money(p.amount)}</span>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </div>
        <div className="space-y-6">
          <Card>
            <CardHeader title="Amounts" />
            <CardBody>
              <dl className="grid grid-cols-2 gap-y-2 text-sm">
                <dt className="text-slate-500">Total</dt>
                <dd className="tabular text-right">{money(inv.total)}</dd>
                <dt className="text-slate-500">Paid</dt>
                <dd className="tabular text-right">{money(inv.amountPaid)}</dd>
                <dt className="text-slate-500">Credited</dt>
                <dd className="tabular text-right">{money(inv.amountCredited)}</dd>
                <dt className="font-semibold">Due</dt>
                <dd className="tabular text-right font-semibold">{money(inv.amountDue)}</dd>
              </dl>
            </CardBody>
          </Card>
          {can(actor, "billing:charge") && (
            <InvoiceActions
              invoiceId={inv.id}
              status={inv.status}
              creditable={creditable > 0 ? money(creditable) : null}
              canVoid={inv.status === "OPEN" && inv.amountPaid === 0 && inv.amountCredited === 0}
            />
          )}
        </div>
      </div>
    </>
  );
}
