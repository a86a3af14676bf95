import Link from "next/link";
import { exportQuery } from "@/lib/exports/export-query";
import { Button, ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, Input, Select } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState, Table, Td, Th } from "@/components/ui/table";
import { requirePermission } from "@/lib/auth/require-permission";
import { can } from "@/lib/auth/roles";
import { todayForIsp } from "@/lib/billing/billing-settings";
import { listInvoices } from "@/lib/invoices/list-invoices";
import { formatMoney } from "@/lib/money/format-money";
import { getBranding } from "@/lib/settings/get-branding";
import { isIsoDate } from "@/lib/time/dates";
import { StatusBadge } from "@/components/ui/status-badge";
import { formatDate } from "@/lib/format/dates";
import { invoiceDisplayStatus, statusOptions } from "@/lib/format/status";
import { CustomerBilling } from "../customer-billing";

export const metadata = { title: "Invoices" };

// OVERDUE is not stored: it is the "Overdue only" box.
const STATUSES = statusOptions("invoice").filter(([s]) => s !== "OVERDUE");
type Search = {
  status?: string;
  from?: string;
  to?: string;
  overdue?: string;
  customer?: string;
  run?: string;
  number?: string;
  after?: string;
};

export default async function InvoicesPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requirePermission("billing:read", "/admin/invoices");
  const sp = await searchParams;
  const filter = {
    status: STATUSES.find(([s]) => s === sp.status)?.[0] as
      Exclude<(typeof STATUSES)[number][0], "OVERDUE"> | undefined,
    from: sp.from && isIsoDate(sp.from) ? sp.from : undefined,
    to: sp.to && isIsoDate(sp.to) ? sp.to : undefined,
    overdue: sp.overdue === "1",
    customerId: sp.customer || undefined,
    billingRunId: sp.run || undefined,
    number: sp.number?.slice(0, 40) || undefined,
    after: sp.after,
  };
  const [{ invoices, nextCursor }, brand, today] = await Promise.all([
    listInvoices({ filter, actor }),
    getBranding(),
    todayForIsp(),
  ]);
  const keep = Object.fromEntries(
    Object.entries(sp).filter(([k, v]) => v && k !== "after"),
  ) as Record<string, string>;
  return (
    <>
      <PageHeader
        title="Invoices"
        description="Newest first. Finalised invoices never change: correct them with a credit note."
        actions={
          <ButtonLink variant="secondary" href={`/api/exports/invoices?${exportQuery(filter)}`}>
            Export CSV
          </ButtonLink>
        }
      />
      {filter.customerId && can(actor, "customers:read_financial") && (
        <CustomerBilling customerId={filter.customerId} actor={actor} />
      )}
      <form className="mb-4 grid gap-3 sm:grid-cols-6 sm:items-end">
        {filter.customerId && <input type="hidden" name="customer" value={filter.customerId} />}
        <Field label="Number" name="number">
          <Input name="number" defaultValue={sp.number} placeholder="INV-…" />
        </Field>
        <Field label="Status" name="status">
          <Select name="status" defaultValue={filter.status ?? ""}>
            <option value="">Any</option>
            {STATUSES.map(([s, label]) => (
              <option key={s} value={s}>
                {label}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Issued from" name="from">
          <Input type="date" name="from" defaultValue={filter.from} />
        </Field>
        <Field label="Issued to" name="to">
          <Input type="date" name="to" defaultValue={filter.to} />
        </Field>
        <label className="flex items-center gap-2 pb-2 text-sm text-slate-700">
          <input
            type="checkbox"
            name="overdue"
            value="1"
            defaultChecked={filter.overdue}
            className="rounded border-slate-300"
          />{" "}
          Overdue only
        </label>
        <div className="flex gap-2">
          <Button type="submit" variant="secondary">
            Filter
          </Button>
          <ButtonLink href="/admin/invoices" variant="ghost">
            Clear
          </ButtonLink>
        </div>
      </form>
      <Card>
        {invoices.length === 0 ? (
          <EmptyState title="No invoices match">
            Invoices appear after a billing run, a plan change or an immediate charge.
          </EmptyState>
        ) : (
          <Table>
            <thead className="bg-slate-50">
              <tr>
                <Th>Number</Th>
                <Th>Customer</Th>
                <Th>Issued</Th>
                <Th>Due</Th>
                <Th>Status</Th>
                <Th numeric>Total</Th>
                <Th numeric>Due now</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {invoices.map((i) => {
                const name =
                  i.customer.companyName ?? `${i.customer.lastName}, ${i.customer.firstName}`;
                return (
                  <tr key={i.id} className="hover:bg-slate-50">
                    <Td>
                      <Link
                        className="font-mono text-xs font-semibold text-brand-700 hover:underline"
                        href={`/admin/invoices/${i.id}`}
                      >
                        {i.number ?? "Draft"}
                      </Link>
                    </Td>
                    <Td>
                      <Link
                        className="hover:underline"
                        href={`/admin/invoices?customer=${i.customerId}`}
                      >
                        {name}
                      </Link>{" "}
                      <span className="font-mono text-xs text-slate-500">
                        {i.customer.accountNumber}
                      </span>
                    </Td>
                    <Td className="tabular">{formatDate(i.issueDate, brand.locale)}</Td>
                    <Td className="tabular">{formatDate(i.dueDate, brand.locale)}</Td>
                    <Td>
                      <StatusBadge kind="invoice" status={invoiceDisplayStatus(i, today)} />
                    </Td>
                    <Td numeric>{formatMoney(i.total, i.currency, brand.locale)}</Td>
                    <Td numeric>{formatMoney(i.amountDue, i.currency, brand.locale)}</Td>
                  </tr>
                );
              })}
            </tbody>
          </Table>
        )}
      </Card>
      {nextCursor && (
        <nav aria-label="Pages" className="mt-4 flex justify-end gap-2">
          {sp.after && (
            <ButtonLink
              variant="secondary"
              size="sm"
              href={`/admin/invoices?${new URLSearchParams(keep)}`}
            >
              First page
            </ButtonLink>
          )}
          <ButtonLink
            variant="secondary"
            size="sm"
            href={`/admin/invoices?${new URLSearchParams({ ...keep, after: nextCursor })}`}
          >
            Next page
          </ButtonLink>
        </nav>
      )}
    </>
  );
}
