import { MrrWaterfall } from "@/components/admin/reports/report-charts";
import { RangeForm } from "@/components/admin/reports/range-form";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState, Table, Td, Th } from "@/components/ui/table";
import { requirePermission } from "@/lib/auth/require-permission";
import { todayForIsp } from "@/lib/billing/billing-settings";
import { formatMoney } from "@/lib/money/format-money";
import { formatNumber, formatPercent } from "@/lib/format/numbers";
import { technologyLabel, type TechnologyName } from "@/lib/format/labels";
import { getMrrReport } from "@/lib/reports/get-mrr-report";
import { getBranding } from "@/lib/settings/get-branding";
import { pageRange } from "./report-range";

export const metadata = { title: "MRR report" };

export default async function MrrPage({
  searchParams,
}: {
  searchParams: Promise<{ from?: string; to?: string }>;
}) {
  const actor = await requirePermission("reports:read", "/admin/reports");
  const range = pageRange(await searchParams, await todayForIsp());
  const [report, brand] = await Promise.all([getMrrReport({ actor, ...range }), getBranding()]);
  const m = { currency: report.currency, locale: brand.locale };
  const money = (v: number) => formatMoney(v, m.currency, m.locale);
  const pct = (r: string) => formatPercent(Number(r) * 100, m.locale);
  const months = report.months;
  const total = (k: "new" | "expansion" | "contraction" | "churn" | "reactivation") =>
    months.reduce((s, x) => s + x[k], 0);
  const q = new URLSearchParams(range).toString();
  const hasData = months.some((x) => x.closingDay);
  return (
    <>
      <PageHeader
        title="Monthly recurring revenue"
        description="From the daily MRR snapshots: quarterly ÷ 3, yearly ÷ 12, discounts applied."
      />
      <RangeForm {...range} exports={{ CSV: `/api/reports/mrr/csv?${q}` }} />
      {!hasData ? (
        <Card>
          <EmptyState title="No MRR snapshots in this range">
            The snapshot job (reports.snapshot-mrr) runs every hour; history starts with its first
            run.
          </EmptyState>
        </Card>
      ) : (
        <>
          <Card className="mb-6 p-4">
            <MrrWaterfall
              {...m}
              steps={[
                { label: "Opening", amount: months[0].opening, kind: "total" },
                { label: "New", amount: total("new"), kind: "up" },
                { label: "Reactivation", amount: total("reactivation"), kind: "up" },
                { label: "Expansion", amount: total("expansion"), kind: "up" },
                { label: "Contraction", amount: total("contraction"), kind: "down" },
                { label: "Churn", amount: total("churn"), kind: "down" },
                { label: "Closing", amount: months[months.length - 1].closing, kind: "total" },
              ]}
            />
          </Card>
          <Card className="mb-6">
            <Table>
              <thead>
                <tr>
                  <Th>Month</Th>
                  <Th numeric>Opening</Th>
                  <Th numeric>New</Th>
                  <Th numeric>Reactivation</Th>
                  <Th numeric>Expansion</Th>
                  <Th numeric>Contraction</Th>
                  <Th numeric>Churn</Th>
                  <Th numeric>Closing</Th>
                  <Th numeric>Subscribers</Th>
                  <Th numeric>Churn rate</Th>
                  <Th numeric>ARPU</Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {months.map((x) => (
                  <tr key={x.month}>
                    <Td>{x.month}</Td>
                    <Td numeric>{money(x.opening)}</Td>
                    <Td numeric>{money(x.new)}</Td>
                    <Td numeric>{money(x.reactivation)}</Td>
                    <Td numeric>{money(x.expansion)}</Td>
                    <Td numeric>{money(-x.contraction)}</Td>
                    <Td numeric>{money(-x.churn)}</Td>
                    <Td numeric className="font-semibold">
                      {money(x.closing)}
                    </Td>
                    <Td numeric>{formatNumber(x.closingSubscribers, m.locale)}</Td>
                    <Td numeric>{pct(x.churnRate)}</Td>
                    <Td numeric>{money(x.arpu)}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </Card>
          {report.breakdown && (
            <div className="grid gap-6 lg:grid-cols-3">
              {(
                [
                  ["By plan", report.breakdown.byPlan],
                  [
                    "By technology",
                    report.breakdown.byTechnology.map((r) => ({
                      ...r,
                      label: r.key ? technologyLabel(r.key as TechnologyName) : r.label,
                    })),
                  ],
                  ["By coverage area", report.breakdown.byArea],
                ] as const
              ).map(([title, rows]) => (
                <Card key={title}>
                  <CardHeader title={title} />
                  <Table>
                    <tbody className="divide-y divide-slate-100">
                      {rows.map((r) => (
                        <tr key={r.key ?? "none"}>
                          <Td>{r.label}</Td>
                          <Td numeric>{formatNumber(r.subscribers, m.locale)}</Td>
                          <Td numeric>{money(r.mrr)}</Td>
                        </tr>
                      ))}
                    </tbody>
                  </Table>
                </Card>
              ))}
            </div>
          )}
        </>
      )}
    </>
  );
}
