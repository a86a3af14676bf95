// Each report as CSV: the same figures as its page and its API answer.
import type { AgingReport } from "../get-aging-report";
import type { MrrReport } from "../get-mrr-report";
import type { PaymentsReport } from "../get-payments-report";
import type { RevenueReport } from "../get-revenue-report";
import type { TaxReport } from "../get-tax-report";
import { major, toCsv } from "./csv";

export function agingCsv(r: AgingReport) {
  const $ = (v: number) => major(v, r.currency);
  return toCsv(
    ["account", "customer", "invoices", ...r.buckets.map((b) => b.label), "total"],
    [
      ...r.customers.map((c) => [
        c.accountNumber,
        c.name,
        c.invoices,
        ...r.buckets.map((b) => $(c[b.key as keyof typeof c] as number)),
        $(c.total),
      ]),
      ["", "Total", "", ...r.buckets.map((b) => $(b.amount)), $(r.total)],
    ],
  );
}

export function mrrCsv(r: MrrReport) {
  const $ = (v: number) => major(v, r.currency);
  return toCsv(
    [
      "month",
      "opening",
      "new",
      "reactivation",
      "expansion",
      "contraction",
      "churn",
      "closing",
      "subscribers",
      "new subscribers",
      "churned subscribers",
      "churn rate",
      "arpu",
    ],
    r.months.map((m) => [
      m.month,
      $(m.opening),
      $(m.new),
      $(m.reactivation),
      $(m.expansion),
      $(m.contraction),
      $(m.churn),
      $(m.closing),
      m.closingSubscribers,
      m.newSubscribers,
      m.churnedSubscribers,
      m.churnRate,
      $(m.arpu),
    ]),
  );
}

export function revenueCsv(r: RevenueReport) {
  const $ = (v: number) => major(v, r.currency);
  return toCsv(
    [
      "month",
      "invoiced",
      "credited",
      "voided",
      "net invoiced",
      "received",
      "reversed",
      "refunded",
      "collected",
    ],
    r.periods.map((p) => [
      p.period,
      $(p.invoiced),
      $(p.credited),
      $(p.voided),
      $(p.netInvoiced),
      $(p.received),
      $(p.reversed),
      $(p.refunded),
      $(p.collected),
    ]),
  );
}

export function taxCsv(r: TaxReport) {
  const $ = (v: number) => major(v, r.currency);
  const line = (period: string, t: TaxReport["totals"][number]) => [
    period,
    t.rate,
    $(t.invoiced.net),
    $(t.invoiced.tax),
    $(t.credited.net),
    $(t.credited.tax),
    $(t.voided.net),
    $(t.voided.tax),
    $(t.net.net),
    $(t.net.tax),
  ];
  return toCsv(
    [
      "period",
      "rate %",
      "invoiced net",
      "invoiced tax",
      "credited net",
      "credited tax",
      "voided net",
      "voided tax",
      "net taxable",
      "tax due",
    ],
    [...r.rows.map((row) => line(row.period, row)), ...r.totals.map((t) => line("Total", t))],
  );
}

export function paymentsCsv(r: PaymentsReport) {
  return toCsv(
    [
      "method",
      "rail",
      "received",
      "collected",
      "failed",
      "reversed",
      "failure rate",
      "return rate",
    ],
    r.byMethod.map((m) => [
      m.method,
      m.provider,
      m.received,
      major(m.amount, r.currency),
      m.failed,
      m.reversed,
      m.failureRate,
      m.returnRate,
    ]),
  );
}
