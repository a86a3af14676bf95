import Link from "next/link";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { StatusBadge } from "@/components/ui/status-badge";
import { EmptyState, Table, Td, Th } from "@/components/ui/table";
import { can } from "@/lib/auth/roles";
import { requirePermission } from "@/lib/auth/require-permission";
import { listArrangements } from "@/lib/dunning/arrangements/list-arrangements";
import { formatDate } from "@/lib/format/dates";
import { formatMoney } from "@/lib/money/format-money";
import { getBranding } from "@/lib/settings/get-branding";
import { DecisionForms } from "./decision-forms";

export const metadata = { title: "Payment arrangements" };

export default async function ArrangementsPage() {
  const actor = await requirePermission("billing:read", "/admin/dunning/arrangements");
  const [{ pending, recent }, brand] = await Promise.all([
    listArrangements({ actor }),
    getBranding(),
  ]);
  const canDecide = can(actor, "billing:charge");
  const date = (d: string) => formatDate(d, brand.locale);
  const customer = (c: (typeof pending)[number]["customer"]) => (
    <Link href={`/admin/customers/${c.id}`} className="font-medium text-brand-700 hover:underline">
      {c.firstName} {c.lastName} · {c.accountNumber}
    </Link>
  );
  return (
    <>
      <Link href="/admin/dunning" className="text-sm font-medium text-brand-700 hover:underline">
        ← Dunning simulator
      </Link>
      <PageHeader
        title="Payment arrangements"
        description="Proposals outside the rules wait here for ACCOUNTS. Agreed arrangements pause dunning; a missed payment resumes it."
      />
      <div className="space-y-6">
        <Card>
          <CardHeader title={`Waiting for approval (${pending.length})`} />
          {pending.length === 0 ? (
            <EmptyState title="Nothing waiting">
              Proposals inside the rules are agreed at once.
            </EmptyState>
          ) : (
            <ul className="divide-y divide-slate-100">
              {pending.map((a) => (
                <li key={a.id} className="space-y-3 px-4 py-4 sm:px-6">
                  <div className="flex flex-wrap items-baseline justify-between gap-2">
                    {customer(a.customer)}
                    <span className="tabular text-sm font-semibold">
                      {formatMoney(a.total, a.currency, brand.locale)}
                    </span>
                  </div>
                  <p className="text-sm text-amber-800">
                    Outside the rules: {a.referReasons.join("; ")}
                  </p>
                  <p className="text-sm text-slate-600">
                    {a.instalments
                      .map(
                        (i) =>
                          `${date(i.dueDate)} ${formatMoney(i.amount, a.currency, brand.locale)}`,
                      )
                      .join(" · ")}
                  </p>
                  {a.note && <p className="text-sm text-slate-600">“{a.note}”</p>}
                  {canDecide && <DecisionForms customerId={a.customer.id} arrangementId={a.id} />}
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card>
          <CardHeader title="Recent" />
          {recent.length === 0 ? (
            <CardBody>
              <EmptyState title="No arrangements yet" />
            </CardBody>
          ) : (
            <Table>
              <thead className="bg-slate-50">
                <tr>
                  <Th>Customer</Th>
                  <Th>Status</Th>
                  <Th>Payments</Th>
                  <Th className="text-right">Total</Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {recent.map((a) => (
                  <tr key={a.id}>
                    <Td>{customer(a.customer)}</Td>
                    <Td>
                      <StatusBadge kind="arrangement" status={a.status} />
                    </Td>
                    <Td className="tabular">
                      {a.instalments.length} · {date(a.instalments[0].dueDate)} –{" "}
                      {date(a.instalments.at(-1)!.dueDate)}
                    </Td>
                    <Td numeric>{formatMoney(a.total, a.currency, brand.locale)}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
        </Card>
      </div>
    </>
  );
}
