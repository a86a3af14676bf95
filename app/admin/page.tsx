import Link from "next/link";
import { StatusBadge } from "@/components/ui/status-badge";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/table";
import { requireStaff } from "@/lib/auth/session";
import { can } from "@/lib/auth/roles";
import { countTickets } from "@/lib/tickets/count-tickets";
import { getDashboardSummary } from "@/lib/reports/get-dashboard-summary";
import { getBranding } from "@/lib/settings/get-branding";
import { formatMoney } from "@/lib/money/format-money";
import { formatDate } from "@/lib/format/dates";
import { formatNumber } from "@/lib/format/numbers";
import { plural } from "@/lib/format/plural";
import { statusLabel } from "@/lib/format/status";

export const metadata = { title: "Dashboard" };

function Stat({
  label,
  value,
  href,
  note,
}: {
  label: string;
  value: string;
  href?: string;
  note?: React.ReactNode;
}) {
  const body = (
    <Card className="h-full p-5 transition hover:ring-brand-300">
      <p className="text-sm font-medium text-slate-500">{label}</p>
      <p className="tabular mt-2 truncate text-2xl font-semibold tracking-tight text-slate-900">
        {value}
      </p>
      {note && <p className="mt-1 text-xs text-slate-500">{note}</p>}
    </Card>
  );
  return href ? <Link href={href}>{body}</Link> : body;
}

export default async function DashboardPage() {
  const actor = await requireStaff();
  const [s, brand, tickets] = await Promise.all([
    getDashboardSummary({ actor }),
    getBranding(),
    can(actor, "tickets:read") ? countTickets({ actor }) : null,
  ]);
  const n = (v: number) => formatNumber(v, brand.locale);
  const money = (v: number) => formatMoney(v, brand.currency, brand.locale);
  return (
    <>
      <PageHeader
        title={`Good day, ${actor.name.split(" ")[0]}`}
        description={`${brand.name} at a glance`}
      />
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        <Stat label="Active customers" value={n(s.customers)} href="/admin/customers" />
        <Stat label="Active services" value={n(s.activeSubscriptions)} />
        <Stat label="Orders to install" value={n(s.newOrders)} href="/admin/orders" />
        {s.mrr !== null ? (
          <Stat label="Monthly recurring revenue" value={money(s.mrr)} />
        ) : (
          tickets && (
            <Stat
              label="Open tickets"
              value={n(tickets.open)}
              href="/admin/tickets"
              note={`${n(tickets.unassigned)} unassigned`}
            />
          )
        )}
      </div>
      {tickets && (
        <div className="mt-4 grid gap-4 sm:grid-cols-3">
          {s.mrr !== null && (
            <Stat
              label="Open tickets"
              value={n(tickets.open)}
              href="/admin/tickets"
              note={`${n(tickets.unassigned)} unassigned`}
            />
          )}
          <Stat label="My tickets" value={n(tickets.mine)} href="/admin/tickets?assignee=me" />
          <Stat
            label="Past SLA"
            value={n(tickets.breached)}
            href="/admin/tickets?breached=true"
            note={tickets.breached ? "Answer these first" : "All within target"}
          />
        </div>
      )}
      <div className="mt-6 grid gap-6 lg:grid-cols-3">
        {s.overdue && (
          <Stat
            label="Overdue"
            value={money(s.overdue.amount)}
            href="/admin/invoices?overdue=1"
            note={
              s.overdue.count === 0
                ? "Nothing is overdue."
                : `${plural(s.overdue.count, "unpaid invoice", "unpaid invoices", brand.locale)} past their due date`
            }
          />
        )}
        {s.lastRun && (
          <Stat
            label="Last billing run"
            value={plural(s.lastRun.invoicesCreated, "invoice", "invoices", brand.locale)}
            href="/admin/billing"
            note={`${formatDate(s.lastRun.asOf, brand.locale)} · ${money(Number(s.lastRun.invoicesTotal))} · ${statusLabel("billingRun", s.lastRun.status).toLowerCase()}`}
          />
        )}
        {s.recentOrders && (
          <Card className="lg:col-span-1">
            <CardHeader
              title="Latest orders"
              action={
                <Link
                  href="/admin/orders"
                  className="text-sm font-medium text-brand-700 hover:underline"
                >
                  All orders
                </Link>
              }
            />
            {s.recentOrders.length === 0 ? (
              <EmptyState title="No orders yet">Online sign-ups appear here.</EmptyState>
            ) : (
              <ul className="divide-y divide-slate-100 text-sm">
                {s.recentOrders.map((o) => (
                  <li key={o.id} className="flex items-center justify-between gap-3 px-5 py-2.5">
                    <Link
                      href={`/admin/orders/${o.id}`}
                      className="min-w-0 truncate font-medium text-slate-900 hover:text-brand-700"
                    >
                      {o.number} ·{" "}
                      {o.customer.companyName ?? `${o.customer.firstName} ${o.customer.lastName}`}
                    </Link>
                    <StatusBadge kind="order" status={o.status} />
                  </li>
                ))}
              </ul>
            )}
          </Card>
        )}
      </div>
    </>
  );
}
