import Link from "next/link";
import { notFound } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Field, Input } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/table";
import { requirePermission } from "@/lib/auth/require-permission";
import { searchCustomers } from "@/lib/customers/search-customers";
import { AppError } from "@/lib/errors";
import { formatMoney } from "@/lib/money/format-money";
import { getAllocationOptions } from "@/lib/payments/get-allocation-options";
import { getBranding } from "@/lib/settings/get-branding";
import { RecordPaymentForm } from "./record-payment-form";

export const metadata = { title: "Record payment" };

type Search = { customer?: string; invoice?: string; q?: string };

async function ChooseCustomer({ q }: { q?: string }) {
  const actor = await requirePermission("payments:write", "/admin/payments/new");
  const found = q ? await searchCustomers({ actor, q, limit: 10 }) : null;
  return (
    <Card className="max-w-2xl">
      <CardHeader title="Who paid?" description="Find the customer by name, account or phone." />
      <CardBody className="space-y-4">
        <form className="flex items-end gap-2">
          <Field label="Customer" name="q" className="flex-1">
            <Input name="q" defaultValue={q} placeholder="e.g. Naidoo or C000123" autoFocus />
          </Field>
          <Button type="submit" variant="secondary">
            Search
          </Button>
        </form>
        {found &&
          (found.customers.length === 0 ? (
            <EmptyState title="No customer matches" />
          ) : (
            <ul className="divide-y divide-slate-100 text-sm">
              {found.customers.map((c) => (
                <li key={c.id}>
                  <Link
                    className="flex justify-between py-2 hover:bg-slate-50"
                    href={`/admin/payments/new?customer=${c.id}`}
                  >
                    <span className="font-medium text-brand-700">
                      {c.companyName ?? `${c.firstName} ${c.lastName}`}
                    </span>
                    <span className="font-mono text-xs text-slate-500">{c.accountNumber}</span>
                  </Link>
                </li>
              ))}
            </ul>
          ))}
      </CardBody>
    </Card>
  );
}

export default async function RecordPaymentPage({
  searchParams,
}: {
  searchParams: Promise<Search>;
}) {
  const actor = await requirePermission("payments:write", "/admin/payments/new");
  const sp = await searchParams;
  if (!sp.customer)
    return (
      <>
        <PageHeader
          title="Record payment"
          description="Cash, EFT, cheque, card machine or mobile money received."
        />
        <ChooseCustomer q={sp.q?.slice(0, 100)} />
      </>
    );
  const [options, brand] = await Promise.all([
    getAllocationOptions({ actor, customerId: sp.customer }).catch((e) => {
      if (e instanceof AppError && e.code === "NOT_FOUND") notFound();
      throw e;
    }),
    getBranding(),
  ]);
  const { customer } = options;
  const money = (n: number) => formatMoney(n, customer.currency, brand.locale);
  return (
    <>
      <Link
        href={`/admin/customers/${customer.id}`}
        className="text-sm font-medium text-brand-700 hover:underline"
      >
        ← {customer.name}
      </Link>
      <PageHeader
        title="Record payment"
        description={
          <span>
            {customer.name} · <span className="font-mono">{customer.accountNumber}</span> ·
            reference <span className="font-mono">{customer.paymentReference}</span>
          </span>
        }
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <Card className="min-w-0 lg:col-span-2">
          <CardBody>
            <RecordPaymentForm
              customerId={customer.id}
              currency={customer.currency}
              locale={brand.locale}
              email={customer.email}
              today={options.today}
              openInvoices={options.openInvoices}
              invoiceId={sp.invoice}
            />
          </CardBody>
        </Card>
        <Card className="self-start">
          <CardHeader title="Account" />
          <CardBody>
            <dl className="grid grid-cols-2 gap-y-2 text-sm">
              <dt className="text-slate-500">Balance</dt>
              <dd className="tabular text-right">
                {options.balance < 0 ? `${money(-options.balance)} credit` : money(options.balance)}
              </dd>
              <dt className="text-slate-500">Open invoices</dt>
              <dd className="tabular text-right">{options.openInvoices.length}</dd>
              <dt className="text-slate-500">Unallocated credit</dt>
              <dd className="tabular text-right">{money(options.credit)}</dd>
            </dl>
          </CardBody>
        </Card>
      </div>
    </>
  );
}
