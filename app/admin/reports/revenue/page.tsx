import { AmountBars } from "@/components/admin/reports/report-charts";
import { RangeForm } from "@/components/admin/reports/range-form";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState, Table, Td, Th } from "@/components/ui/table";
import { requirePermission } from "@/lib/auth/require-permission";
import { todayForIsp } from "@/lib/billing/billing-settings";
import { paymentMethodLabel, paymentProviderLabel } from "@/lib/format/labels";
import { formatNumber, formatPercent } from "@/lib/format/numbers";
import { formatMoney } from "@/lib/money/format-money";
import { getPaymentsReport } from "@/lib/reports/get-payments-report";
import { getRevenueReport } from "@/lib/reports/get-revenue-report";
import { getBranding } from "@/lib/settings/get-branding";
import { pageRange } from "../report-range";

export const metadata = { title: "Revenue and collections" };

export default async function RevenuePage({
  searchParams,
}: {
  searchParams: Promise<{ from?: string; to?: string }>;
}) {
  const actor = await requirePermission("reports:read", "/admin/reports/revenue");
  const range = pageRange(await searchParams, await todayForIsp(), 3);
  const [revenue, payments, brand] = await Promise.all([
    getRevenueReport({ actor, ...range }),
    getPaymentsReport({ actor, ...range }),
    getBranding(),
  ]);
  const m = { currency: revenue.currency, locale: brand.locale };
  const money = (v: number) => formatMoney(v, m.currency, m.locale);
  const pct = (r: string) => formatPercent(Number(r) * 100, m.locale);
  const q = new URLSearchParams(range).toString();
  return (
    <>
      <PageHeader
        title="Revenue and collections"
        description="Invoiced, credited and collected per month; how money arrives and how often it fails."
      />
      <RangeForm
        {...range}
        exports={{
          "Revenue CSV": `/api/reports/revenue/csv?${q}`,
          "Payments CSV": `/api/reports/payments/csv?${q}`,
        }}
      />
      <div className="mb-6 grid gap-6 lg:grid-cols-2">
        <Card className="p-4">
          <h2 className="mb-2 text-sm font-semibold text-slate-700">Collected by method</h2>
          <AmountBars
            {...m}
            label="Collected"
            rows={revenue.byMethod.map((r) => ({
              label: paymentMethodLabel(r.method),
              amount: r.amount,
            }))}
          />
        </Card>
        <Card className="p-5">
          <dl className="grid grid-cols-2 gap-4 text-sm">
            <div>
              <dt className="text-slate-500">Median days to pay</dt>
              <dd className="tabular text-2xl font-semibold">{payments.daysToPay.median}</dd>
            </div>
            <div>
              <dt className="text-slate-500">Paid by the due date</dt>
              <dd className="tabular text-2xl font-semibold">
                {pct(payments.daysToPay.onTimeRate)}
              </dd>
            </div>
            <div>
              <dt className="text-slate-500">90th percentile days to pay</dt>
              <dd className="tabular text-2xl font-semibold">{payments.daysToPay.p90}</dd>
            </div>
            <div>
              <dt className="text-slate-500">Auto-pay coverage</dt>
              <dd className="tabular text-2xl font-semibold">{pct(payments.autopay.coverage)}</dd>
              <dd className="text-xs text-slate-500">
                {formatNumber(payments.autopay.automatic, m.locale)} of{" "}
                {formatNumber(payments.autopay.customers, m.locale)} customers
              </dd>
            </div>
          </dl>
        </Card>
      </div>
      <Card className="mb-6">
        <CardHeader title="Per month" />
        {revenue.periods.length === 0 ? (
          <EmptyState title="Nothing invoiced or collected in this range" />
        ) : (
          <Table>
            <thead>
              <tr>
                <Th>Month</Th>
                <Th numeric>Invoiced</Th>
                <Th numeric>Credited</Th>
                <Th numeric>Voided</Th>
                <Th numeric>Net invoiced</Th>
                <Th numeric>Collected</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {revenue.periods.map((p) => (
                <tr key={p.period}>
                  <Td>{p.period}</Td>
                  <Td numeric>{money(p.invoiced)}</Td>
                  <Td numeric>{money(p.credited)}</Td>
                  <Td numeric>{money(p.voided)}</Td>
                  <Td numeric className="font-semibold">
                    {money(p.netInvoiced)}
                  </Td>
                  <Td numeric>{money(p.collected)}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader title="Invoiced by plan" />
          <Table>
            <tbody className="divide-y divide-slate-100">
              {revenue.byPlan.map((r) => (
                <tr key={r.productId ?? "once"}>
                  <Td>{r.name}</Td>
                  <Td numeric>{money(r.total)}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </Card>
        <Card>
          <CardHeader title="Payments by method and rail" />
          <Table>
            <thead>
              <tr>
                <Th>Method</Th>
                <Th numeric>Collected</Th>
                <Th numeric>Failure rate</Th>
                <Th numeric>Return rate</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {payments.byMethod.map((r) => (
                <tr key={`${r.method}-${r.provider}`}>
                  <Td>
                    {paymentMethodLabel(r.method)}
                    <span className="ml-2 text-xs text-slate-500">
                      {paymentProviderLabel(r.provider)}
                    </span>
                  </Td>
                  <Td numeric>{money(r.amount)}</Td>
                  <Td numeric>{pct(r.failureRate)}</Td>
                  <Td numeric>{pct(r.returnRate)}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
          {payments.reasons.length > 0 && (
            <Table>
              <thead>
                <tr>
                  <Th>Failure or return reason</Th>
                  <Th numeric>Count</Th>
                  <Th numeric>Amount</Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {payments.reasons.map((r) => (
                  <tr key={`${r.kind}-${r.reason}`}>
                    <Td>{r.reason}</Td>
                    <Td numeric>{formatNumber(r.count, m.locale)}</Td>
                    <Td numeric>{money(r.amount)}</Td>
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
