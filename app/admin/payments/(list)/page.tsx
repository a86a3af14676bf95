import Link from "next/link";
import { exportQuery } from "@/lib/exports/export-query";
import { Button, ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, Input, Select } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState, Table, Td, Th } from "@/components/ui/table";
import { StatusBadge } from "@/components/ui/status-badge";
import { requirePermission } from "@/lib/auth/require-permission";
import { can } from "@/lib/auth/roles";
import type { PaymentMethodKind, PaymentStatus } from "@/lib/generated/prisma/enums";
import { PAYMENT_METHODS } from "@/lib/format/labels";
import { statusLabel, statusOptions } from "@/lib/format/status";
import { formatMoney } from "@/lib/money/format-money";
import { listPayments } from "@/lib/payments/list-payments";
import { paymentMethodLabel } from "@/lib/format/labels";
import { getBranding } from "@/lib/settings/get-branding";
import { formatDate } from "@/lib/format/dates";
import { isIsoDate } from "@/lib/time/dates";

export const metadata = { title: "Payments" };

type Search = {
  q?: string;
  method?: string;
  status?: string;
  from?: string;
  to?: string;
  unallocated?: string;
  customer?: string;
  after?: string;
};

const METHODS = PAYMENT_METHODS as PaymentMethodKind[];
const STATUSES = statusOptions("payment").map(([s]) => s) as PaymentStatus[];

export default async function PaymentsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requirePermission("payments:read", "/admin/payments");
  const sp = await searchParams;
  const filter = {
    q: sp.q?.slice(0, 100) || undefined,
    method: METHODS.find((m) => m === sp.method),
    status: STATUSES.find((s) => s === sp.status),
    from: sp.from && isIsoDate(sp.from) ? sp.from : undefined,
    to: sp.to && isIsoDate(sp.to) ? sp.to : undefined,
    unallocated: sp.unallocated === "1",
    customerId: sp.customer || undefined,
    after: sp.after,
  };
  const [{ payments, nextCursor }, brand] = await Promise.all([
    listPayments({ actor, filter }),
    getBranding(),
  ]);
  const keep = new URLSearchParams(
    Object.entries(sp).filter(([k, v]) => v && k !== "after") as [string, string][],
  );
  return (
    <>
      <PageHeader
        title="Payments"
        description="Money received, newest first. Open one for its allocations, receipt and reversal."
        actions={
          <>
            <ButtonLink href="/admin/payments/rails" variant="secondary">
              Pix and M-PESA
            </ButtonLink>
            <ButtonLink variant="secondary" href={`/api/exports/payments?${exportQuery(filter)}`}>
              Export CSV
            </ButtonLink>
            {can(actor, "payments:write") && (
              <ButtonLink
                href={`/admin/payments/new${filter.customerId ? `?customer=${filter.customerId}` : ""}`}
              >
                Record payment
              </ButtonLink>
            )}
          </>
        }
      />
      <form className="mb-4 grid gap-3 sm:grid-cols-3 lg:grid-cols-[repeat(5,minmax(0,1fr))_auto_auto] lg:items-end">
        {filter.customerId && <input type="hidden" name="customer" value={filter.customerId} />}
        <Field label="Search" name="q">
          <Input name="q" defaultValue={sp.q} placeholder="RCT-… or ref" />
        </Field>
        <Field label="Method" name="method">
          <Select name="method" defaultValue={filter.method ?? ""}>
            <option value="">Any</option>
            {METHODS.map((m) => (
              <option key={m} value={m}>
                {paymentMethodLabel(m)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Status" name="status">
          <Select name="status" defaultValue={filter.status ?? ""}>
            <option value="">Any</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {statusLabel("payment", s)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Received from" name="from">
          <Input type="date" name="from" defaultValue={filter.from} />
        </Field>
        <Field label="Received to" name="to">
          <Input type="date" name="to" defaultValue={filter.to} />
        </Field>
        <label className="flex items-center gap-2 pb-2 text-sm text-slate-700">
          <input
            type="checkbox"
            name="unallocated"
            value="1"
            defaultChecked={filter.unallocated}
            className="rounded border-slate-300"
          />{" "}
          With credit left
        </label>
        <div className="flex gap-2">
          <Button type="submit" variant="secondary">
            Filter
          </Button>
          <ButtonLink href="/admin/payments" variant="ghost">
            Clear
          </ButtonLink>
        </div>
      </form>
      <Card>
        {payments.length === 0 ? (
          <EmptyState title="No payments match">
            Payments appear when they are recorded here, on a customer or invoice, or through the
            API.
          </EmptyState>
        ) : (
          <Table>
            <thead className="bg-slate-50">
              <tr>
                <Th>Receipt</Th>
                <Th>Customer</Th>
                <Th>Received</Th>
                <Th>Method and reference</Th>
                <Th>Status</Th>
                <Th numeric>Amount</Th>
                <Th numeric>Credit left</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {payments.map((p) => (
                <tr key={p.id} className="hover:bg-slate-50">
                  <Td>
                    <Link
                      className="font-mono text-xs font-semibold text-brand-700 hover:underline"
                      href={`/admin/payments/${p.id}`}
                    >
                      {p.number ?? "attempt"}
                    </Link>
                  </Td>
                  <Td>
                    <Link
                      className="hover:underline"
                      href={`/admin/payments?customer=${p.customerId}`}
                    >
                      {p.customer.companyName ?? `${p.customer.lastName}, ${p.customer.firstName}`}
                    </Link>{" "}
                    <span className="font-mono text-xs text-slate-500">
                      {p.customer.accountNumber}
                    </span>
                  </Td>
                  <Td className="tabular">{formatDate(p.receivedOn, brand.locale)}</Td>
                  <Td className="max-w-56 truncate">
                    {paymentMethodLabel(p.method)}
                    {p.reference && (
                      <span className="block truncate text-xs text-slate-500">{p.reference}</span>
                    )}
                  </Td>
                  <Td>
                    <StatusBadge kind="payment" status={p.status} />
                  </Td>
                  <Td numeric>{formatMoney(p.amount, p.currency, brand.locale)}</Td>
                  <Td numeric>
                    {p.unallocated ? formatMoney(p.unallocated, p.currency, brand.locale) : "—"}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
      {nextCursor && (
        <Link
          className="mt-4 block text-right text-sm font-medium text-brand-700 hover:underline"
          href={`/admin/payments?${keep.toString() ? `${keep.toString()}&` : ""}after=${encodeURIComponent(nextCursor)}`}
        >
          Older payments →
        </Link>
      )}
    </>
  );
}
