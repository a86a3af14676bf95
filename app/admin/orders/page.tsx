import Link from "next/link";
import { Card } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import { Input } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState, Table, Td, Th } from "@/components/ui/table";
import { cn } from "@/components/ui/cn";
import { CardPaymentsNotice } from "@/components/admin/card-payments-notice";
import { requirePermission } from "@/lib/auth/require-permission";
import { listOrders, ORDER_STATUSES } from "@/lib/orders/list-orders";
import { getBranding } from "@/lib/settings/get-branding";
import { formatMoney } from "@/lib/money/format-money";
import { isCardPaymentEnabled } from "@/lib/payment-methods/stripe-client";
import type { OrderStatus } from "@/lib/generated/prisma/enums";
import type { Quote } from "@/lib/orders/build-quote";
import { Badge } from "@/components/ui/badge";
import { StatusBadge } from "@/components/ui/status-badge";
import { statusLabel } from "@/lib/format/status";

export const metadata = { title: "Orders" };

export default async function OrdersPage({
  searchParams,
}: {
  searchParams: Promise<{ status?: string; view?: string; q?: string }>;
}) {
  const actor = await requirePermission("orders:read", "/admin/orders");
  const sp = await searchParams;
  const toConfirm = sp.view === "to-confirm";
  const status =
    !toConfirm && ORDER_STATUSES.includes(sp.status as OrderStatus)
      ? (sp.status as OrderStatus)
      : undefined;
  const [{ orders, counts, needsConfirmation }, brand] = await Promise.all([
    listOrders({ actor, status, needsConfirmation: toConfirm, q: sp.q }),
    getBranding(),
  ]);
  const tabs: { key?: string; href: string; label: string; count?: number; current: boolean }[] = [
    { label: "All", href: "/admin/orders", current: !status && !toConfirm },
    {
      key: "to-confirm",
      label: "To confirm",
      href: "/admin/orders?view=to-confirm",
      count: needsConfirmation,
      current: toConfirm,
    },
    ...ORDER_STATUSES.map((s) => ({
      key: s,
      label: statusLabel("order", s),
      href: `/admin/orders?status=${s}`,
      count: counts[s] ?? 0,
      current: status === s,
    })),
  ];
  return (
    <>
      <PageHeader
        title="Orders"
        description="Online sign-ups from order to installation. Activating an order starts billing."
      />
      <CardPaymentsNotice enabled={isCardPaymentEnabled()} />
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <nav aria-label="Order status" className="flex flex-wrap gap-1">
          {tabs.map((t) => (
            <Link
              key={t.label}
              href={t.href}
              aria-current={t.current ? "page" : undefined}
              className={cn(
                "rounded-md px-3 py-1.5 text-sm font-medium",
                t.current ? "bg-brand-700 text-white" : "text-slate-600 hover:bg-slate-100",
              )}
            >
              {t.label} {t.key && <span className="tabular opacity-75">{t.count}</span>}
            </Link>
          ))}
        </nav>
        <form role="search" className="w-full sm:w-64">
          {status && <input type="hidden" name="status" value={status} />}
          {toConfirm && <input type="hidden" name="view" value="to-confirm" />}
          <label htmlFor="q" className="sr-only">
            Search orders
          </label>
          <Input
            name="q"
            type="search"
            placeholder="Order number, surname, email"
            defaultValue={sp.q ?? ""}
          />
        </form>
      </div>
      <Card>
        {orders.length === 0 ? (
          <EmptyState title="No orders here">
            New sign-ups from the website appear here at once.
          </EmptyState>
        ) : (
          <Table>
            <thead>
              <tr>
                <Th>Order</Th>
                <Th>Customer</Th>
                <Th>Service address</Th>
                <Th>Plan</Th>
                <Th numeric>Recurring</Th>
                <Th>Placed</Th>
                <Th>Installation</Th>
                <Th>Status</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {orders.map((o) => {
                const q = o.quote as unknown as Quote;
                return (
                  <tr key={o.id} className="hover:bg-slate-50">
                    <Td>
                      <Link
                        href={`/admin/orders/${o.id}`}
                        className="font-mono font-medium text-brand-700 hover:underline"
                      >
                        {o.number}
                      </Link>
                      {/* Short flags: the table is at its width; the order page explains them. */}
                      {o.feasibility === "UNVERIFIED" && (
                        <span
                          className="block"
                          title={statusLabel("orderFeasibility", "UNVERIFIED")}
                        >
                          <Badge tone="red">Unverified</Badge>
                        </span>
                      )}
                      {o.heldForUserId && (o.status === "NEW" || o.status === "SCHEDULED") && (
                        <span className="block" title={statusLabel("orderHold", "HELD")}>
                          <Badge tone="amber">Held</Badge>
                        </span>
                      )}
                    </Td>
                    <Td>
                      {o.customer.companyName ?? `${o.customer.firstName} ${o.customer.lastName}`}
                    </Td>
                    <Td>
                      {o.serviceAddress?.line1 ?? "—"}
                      {o.serviceAddress?.suburb && (
                        <span className="block text-xs text-slate-500">
                          {o.serviceAddress.suburb}
                        </span>
                      )}
                    </Td>
                    <Td>{q.plan.name}</Td>
                    <Td numeric>
                      {formatMoney(q.totals.recurring.totalAmount, q.currency, brand.locale)}
                    </Td>
                    <Td>
                      <DateTime
                        value={o.createdAt}
                        locale={brand.locale}
                        timeZone={brand.timeZone}
                        dateOnly
                      />
                    </Td>
                    <Td>
                      <DateTime
                        value={o.scheduledFor}
                        locale={brand.locale}
                        timeZone={brand.timeZone}
                      />
                      {o.assignedTo && (
                        <span className="block text-xs text-slate-500">{o.assignedTo.name}</span>
                      )}
                    </Td>
                    <Td>
                      <StatusBadge kind="order" status={o.status} />
                    </Td>
                  </tr>
                );
              })}
            </tbody>
          </Table>
        )}
      </Card>
    </>
  );
}
