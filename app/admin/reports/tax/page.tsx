import { RangeForm } from "@/components/admin/reports/range-form";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState, Table, Td, Th } from "@/components/ui/table";
import { requirePermission } from "@/lib/auth/require-permission";
import { todayForIsp } from "@/lib/billing/billing-settings";
import { formatPercent } from "@/lib/format/numbers";
import { formatMoney } from "@/lib/money/format-money";
import { getTaxReport } from "@/lib/reports/get-tax-report";
import { getBranding } from "@/lib/settings/get-branding";
import { pageRange } from "../report-range";

export const metadata = { title: "Tax report" };

export default async function TaxPage({
  searchParams,
}: {
  searchParams: Promise<{ from?: string; to?: string }>;
}) {
  const actor = await requirePermission("reports:read", "/admin/reports/tax");
  const range = pageRange(await searchParams, await todayForIsp(), 2);
  const [report, brand] = await Promise.all([getTaxReport({ actor, ...range }), getBranding()]);
  const money = (v: number) => formatMoney(v, report.currency, brand.locale);
  const q = new URLSearchParams(range).toString();
  const lines = [...report.totals.map((t) => ({ ...t, period: "Total" })), ...report.rows];
  return (
    <>
      <PageHeader
        title="Tax"
        description="Per rate from finalised invoices (by issue date), less credit notes and voids in the month they were issued."
      />
      <RangeForm
        {...range}
        exports={{ CSV: `/api/reports/tax/csv?${q}`, PDF: `/api/reports/tax/pdf?${q}` }}
      />
      <Card>
        <CardHeader title="Per rate and month" />
        {lines.length === 0 ? (
          <EmptyState title="No invoices or credit notes in this range" />
        ) : (
          <Table>
            <thead>
              <tr>
                <Th>Period</Th>
                <Th numeric>Rate</Th>
                <Th numeric>Invoiced net</Th>
                <Th numeric>Invoiced tax</Th>
                <Th numeric>Credited tax</Th>
                <Th numeric>Voided tax</Th>
                <Th numeric>Net taxable</Th>
                <Th numeric>Tax due</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {lines.map((r) => (
                <tr
                  key={`${r.period}-${r.rate}`}
                  className={r.period === "Total" ? "bg-slate-50 font-semibold" : ""}
                >
                  <Td>{r.period}</Td>
                  <Td numeric>{formatPercent(r.rate, brand.locale)}</Td>
                  <Td numeric>{money(r.invoiced.net)}</Td>
                  <Td numeric>{money(r.invoiced.tax)}</Td>
                  <Td numeric>{money(-r.credited.tax)}</Td>
                  <Td numeric>{money(-r.voided.tax)}</Td>
                  <Td numeric>{money(r.net.net)}</Td>
                  <Td numeric>{money(r.net.tax)}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
    </>
  );
}
