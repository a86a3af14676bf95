import Link from "next/link";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireStaff } from "@/lib/auth/session";
import { getDashboardSummary } from "@/lib/reports/get-dashboard-summary";
import { getBranding } from "@/lib/settings/get-branding";
import { formatMoney } from "@/lib/money/format-money";

export const metadata = { title: "Dashboard" };

function Stat({ label, value, href }: { label: string; value: string; href?: string }) {
  const body = (
    <Card className="p-5 transition hover:ring-brand-300">
      <p className="text-sm font-medium text-slate-500">{label}</p>
      <p className="tabular mt-2 truncate text-2xl font-semibold tracking-tight text-slate-900 xl:text-3xl">{value}</p>
    </Card>
  );
  return href ? <Link href={href}>{body}</Link> : body;
}

export default async function DashboardPage() {
  const actor = await requireStaff();
  const [summary, brand] = await Promise.all([getDashboardSummary(actor), getBranding()]);
  const n = (v: number) => v.toLocaleString(brand.locale);
  return (
    <>
      <PageHeader title={`Good day, ${actor.name.split(" ")[0]}`} description={`${brand.name} at a glance`} />
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        <Stat label="Active customers" value={n(summary.customers)} href="/admin/customers" />
        <Stat label="Active services" value={n(summary.activeSubscriptions)} />
        <Stat label="Orders to install" value={n(summary.newOrders)} href="/admin/orders" />
        {summary.mrr !== null ? (
          <Stat label="Monthly recurring revenue" value={formatMoney(summary.mrr, brand.currency, brand.locale)} />
        ) : (
          <Stat label="Open tickets" value={n(summary.openTickets)} />
        )}
      </div>
    </>
  );
}
