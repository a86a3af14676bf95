import Link from "next/link";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState, Table, Td, Th } from "@/components/ui/table";
import { StatusBadge } from "@/components/ui/status-badge";
import { requireCustomer } from "@/lib/auth/session";
import { formatMoney } from "@/lib/money/format-money";
import { listPayments } from "@/lib/payments/list-payments";
import { paymentMethodLabel } from "@/lib/format/labels";
import { getBranding } from "@/lib/settings/get-branding";
import { formatDate } from "@/lib/format/dates";

export const metadata = { title: "Payments" };

export default async function PortalPaymentsPage({
  searchParams,
}: {
  searchParams: Promise<{ after?: string }>;
}) {
  const actor = await requireCustomer("/portal/payments");
  const { after } = await searchParams;
  const [{ payments, nextCursor }, brand] = await Promise.all([
    listPayments({ actor, filter: { after, limit: 24 } }),
    getBranding(),
  ]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold tracking-tight text-slate-900">Payments</h1>
      <Card>
        <CardHeader
          title="Payments we received"
          description="Newest first, with a receipt for each."
        />
        {payments.length === 0 ? (
          <EmptyState title="No payments yet">
            Payments appear here once we receive them. The invoices page shows how to pay.
          </EmptyState>
        ) : (
          <>
            {/* Phones: one block per payment, so the amount and receipt need no scrolling. */}
            <ul className="divide-y divide-slate-100 sm:hidden">
              {payments.map((p) => (
                <li key={p.id} className="space-y-1 px-5 py-4 text-sm">
                  <p className="flex items-baseline justify-between gap-3">
                    <span className="tabular text-slate-600">
                      {formatDate(p.receivedOn, brand.locale)}
                    </span>
                    <span className="tabular font-semibold text-slate-900">
                      {formatMoney(p.amount, p.currency, brand.locale)}
                    </span>
                  </p>
                  <p className="flex items-center justify-between gap-3 text-slate-600">
                    <span>
                      {paymentMethodLabel(p.method)}
                      {p.allocations.length > 0 &&
                        ` · ${p.allocations.map((a) => a.invoiceNumber).join(", ")}`}
                    </span>
                    <StatusBadge kind="payment" status={p.status} />
                  </p>
                  {p.number && (
                    <a
                      className="inline-block font-medium text-brand-700 hover:underline"
                      href={`/api/payments/${p.id}/receipt`}
                      target="_blank"
                      rel="noreferrer"
                    >
                      Receipt {p.number}
                    </a>
                  )}
                </li>
              ))}
            </ul>
            <div className="hidden sm:block">
              <Table>
                <thead className="bg-slate-50">
                  <tr>
                    <Th>Received</Th>
                    <Th>Method</Th>
                    <Th>Paid invoices</Th>
                    <Th>Status</Th>
                    <Th numeric>Amount</Th>
                    <Th>Receipt</Th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {payments.map((p) => (
                    <tr key={p.id}>
                      <Td className="tabular">{formatDate(p.receivedOn, brand.locale)}</Td>
                      <Td>
                        {paymentMethodLabel(p.method)}
                        {p.reference && (
                          <span className="block text-xs text-slate-500">{p.reference}</span>
                        )}
                      </Td>
                      <Td className="whitespace-normal">
                        {p.allocations.length
                          ? p.allocations.map((a, i) => (
                              <span key={a.invoiceId}>
                                {i > 0 && ", "}
                                <Link
                                  className="font-mono text-xs text-brand-700 hover:underline"
                                  href={`/portal/invoices/${a.invoiceId}`}
                                >
                                  {a.invoiceNumber}
                                </Link>
                              </span>
                            ))
                          : "—"}
                        {p.unallocated > 0 && (
                          <span className="block text-xs text-slate-500">
                            {formatMoney(p.unallocated, p.currency, brand.locale)} credit
                          </span>
                        )}
                      </Td>
                      <Td>
                        <StatusBadge kind="payment" status={p.status} />
                      </Td>
                      <Td numeric>{formatMoney(p.amount, p.currency, brand.locale)}</Td>
                      <Td>
                        {p.number && (
                          <a
                            className="text-sm font-medium text-brand-700 hover:underline"
                            href={`/api/payments/${p.id}/receipt`}
                            target="_blank"
                            rel="noreferrer"
                          >
                            {p.number}
                          </a>
                        )}
                      </Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            </div>
          </>
        )}
      </Card>
      {nextCursor && (
        <Link
          className="block text-right text-sm font-medium text-brand-700 hover:underline"
          href={`/portal/payments?after=${encodeURIComponent(nextCursor)}`}
        >
          Older payments →
        </Link>
      )}
    </div>
  );
}
