import Link from "next/link";
import { AgingBars } from "@/components/admin/reports/report-charts";
import { Button, buttonClass } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Field, Input } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState, Table, Td, Th } from "@/components/ui/table";
import { requirePermission } from "@/lib/auth/require-permission";
import { todayForIsp } from "@/lib/billing/billing-settings";
import { formatDate } from "@/lib/format/dates";
import { formatMoney } from "@/lib/money/format-money";
import { agingQuerySchema } from "@/lib/reports/report-range-schema";
import { getAgingReport } from "@/lib/reports/get-aging-report";
import { getBranding } from "@/lib/settings/get-branding";

export const metadata = { title: "Receivables aging" };

const SHOWN = 200;

export default async function AgingPage({
  searchParams,
}: {
  searchParams: Promise<{ asOf?: string; customer?: string }>;
}) {
  const actor = await requirePermission("reports:read", "/admin/reports/aging");
  const sp = await searchParams;
  const parsed = agingQuerySchema.safeParse({ asOf: sp.asOf, customerId: sp.customer });
  const query = parsed.success ? parsed.data : {};
  const asOf = query.asOf ?? (await todayForIsp());
  const [report, brand] = await Promise.all([
    getAgingReport({ actor, asOf, customerId: query.customerId }),
    getBranding(),
  ]);
  const m = { currency: report.currency, locale: brand.locale };
  const money = (v: number) => formatMoney(v, m.currency, m.locale);
  const exportQuery = new URLSearchParams({ asOf }).toString();
  const drill = report.invoices ? report.customers[0] : undefined;
  return (
    <>
      <PageHeader
        title="Receivables aging"
        description="What customers still owe on invoices after payments and credit notes, by days past due."
      />
      <div className="mb-6 flex flex-wrap items-end gap-3">
        <form method="get" className="flex items-end gap-3">
          <Field label="As of" name="asOf">
            <Input id="asOf" name="asOf" type="date" defaultValue={asOf} required />
          </Field>
          {query.customerId && <input type="hidden" name="customer" value={query.customerId} />}
          <Button type="submit" variant="secondary">
            Show
          </Button>
        </form>
        <div className="ml-auto flex gap-2">
          <a href={`/api/reports/aging/csv?${exportQuery}`} className={buttonClass("secondary")}>
            CSV
          </a>
          <a href={`/api/reports/aging/pdf?${exportQuery}`} className={buttonClass("secondary")}>
            PDF
          </a>
        </div>
      </div>
      <div className="mb-6 grid gap-6 lg:grid-cols-3">
        <Card className="p-4 lg:col-span-2">
          <AgingBars {...m} buckets={report.buckets} />
        </Card>
        <Card className="p-5">
          <p className="text-sm font-medium text-slate-500">Open on invoices</p>
          <p className="tabular mt-1 text-2xl font-semibold">{money(report.total)}</p>
          <p className="mt-4 text-sm font-medium text-slate-500">Ledger balance</p>
          <p className="tabular mt-1 text-lg font-semibold">{money(report.ledgerBalance)}</p>
          <p className="mt-1 text-xs text-slate-500">
            The difference, {money(report.total - report.ledgerBalance)}, is customer credit not yet
            applied to an invoice.
          </p>
        </Card>
      </div>
      {drill && report.invoices && (
        <Card className="mb-6">
          <CardHeader
            title={`${drill.name} (${drill.accountNumber})`}
            action={
              <Link href={`/admin/reports/aging?asOf=${asOf}`} className="text-sm text-brand-700">
                All customers
              </Link>
            }
          />
          <Table>
            <thead>
              <tr>
                <Th>Invoice</Th>
                <Th>Issued</Th>
                <Th>Due</Th>
                <Th numeric>Days overdue</Th>
                <Th numeric>Total</Th>
                <Th numeric>Open</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {report.invoices.map((i) => (
                <tr key={i.id}>
                  <Td>
                    <Link
                      href={`/admin/invoices/${i.id}`}
                      className="text-brand-700 hover:underline"
                    >
                      {i.number}
                    </Link>
                  </Td>
                  <Td>{formatDate(i.issueDate, m.locale)}</Td>
                  <Td>{formatDate(i.dueDate, m.locale)}</Td>
                  <Td numeric>{i.daysOverdue}</Td>
                  <Td numeric>{money(i.total)}</Td>
                  <Td numeric>{money(i.open)}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </Card>
      )}
      {!drill && (
        <Card>
          {report.customers.length === 0 ? (
            <EmptyState title="Nothing owed on this day" />
          ) : (
            <Table>
              <thead>
                <tr>
                  <Th>Customer</Th>
                  {report.buckets.map((b) => (
                    <Th key={b.key} numeric>
                      {b.label}
                    </Th>
                  ))}
                  <Th numeric>Total</Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {report.customers.slice(0, SHOWN).map((c) => (
                  <tr key={c.customerId}>
                    <Td>
                      <Link
                        href={`/admin/reports/aging?asOf=${asOf}&customer=${c.customerId}`}
                        className="text-brand-700 hover:underline"
                      >
                        {c.name}
                      </Link>
                      <span className="ml-2 text-xs text-slate-500">{c.accountNumber}</span>
                    </Td>
                    {report.buckets.map((b) => (
                      <Td key={b.key} numeric>
                        {money(c[b.key as keyof typeof c] as number)}
                      </Td>
                    ))}
                    <Td numeric className="font-semibold">
                      {money(c.total)}
                    </Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
          {report.customers.length > SHOWN && (
            <p className="px-4 py-3 text-sm text-slate-500">
              The {SHOWN} largest of {report.customers.length} customers; the CSV has them all.
            </p>
          )}
        </Card>
      )}
    </>
  );
}
