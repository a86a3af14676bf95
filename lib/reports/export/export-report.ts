// Downloads of the reports for signed-in staff: CSV of every report, PDF of aging and tax (what an
// accountant files or prints). Same queries and permission as the pages and the API.
import "server-only";
import { renderToBuffer } from "@react-pdf/renderer";
import { createElement } from "react";
import { z } from "zod";
import type { Actor } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { formatMoney } from "@/lib/money/format-money";
import { getSettings } from "@/lib/settings/get-settings";
import { todayForIsp } from "@/lib/billing/billing-settings";
import { getAgingReport, type AgingReport } from "../get-aging-report";
import { getMrrReport } from "../get-mrr-report";
import { getPaymentsReport } from "../get-payments-report";
import { getRevenueReport } from "../get-revenue-report";
import { getTaxReport, type TaxReport } from "../get-tax-report";
import { agingQuerySchema, reportRangeSchema } from "../report-range-schema";
import { agingCsv, mrrCsv, paymentsCsv, revenueCsv, taxCsv } from "./report-csv";
import { ReportDocument, type ReportTable } from "./report-document";

export const exportParamsSchema = z.object({
  report: z.enum(["mrr", "aging", "revenue", "tax", "payments"]),
  format: z.enum(["csv", "pdf"]),
});

export type ExportReportOptions = {
  actor: Actor;
  report: string;
  format: string;
  query: Record<string, string>;
};

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const r = schema.safeParse(value);
  if (!r.success)
    throw new AppError(
      "VALIDATION",
      "Check the report's dates.",
      Object.fromEntries(r.error.issues.map((i) => [i.path.join("."), i.message])),
    );
  return r.data;
}

export async function exportReport({ actor, query, ...which }: ExportReportOptions) {
  const { report, format } = parse(exportParamsSchema, which);
  if (format === "pdf" && report !== "aging" && report !== "tax")
    throw new AppError("NOT_FOUND", "PDF is offered for the aging and tax reports.");
  const { name, locale } = await getSettings();
  if (report === "aging") {
    const q = parse(agingQuerySchema, query);
    const r = await getAgingReport({ actor, asOf: q.asOf ?? (await todayForIsp()) });
    const file = `aging-${r.asOf}`;
    return format === "csv" ? csv(file, agingCsv(r)) : pdf(file, agingTable(r, name, locale));
  }
  const range = parse(reportRangeSchema, query);
  const file = `${report}-${range.from}-${range.to}`;
  switch (report) {
    case "mrr":
      return csv(file, mrrCsv(await getMrrReport({ actor, ...range })));
    case "revenue":
      return csv(file, revenueCsv(await getRevenueReport({ actor, ...range })));
    case "payments":
      return csv(file, paymentsCsv(await getPaymentsReport({ actor, ...range })));
    case "tax": {
      const r = await getTaxReport({ actor, ...range });
      return format === "csv" ? csv(file, taxCsv(r)) : pdf(file, taxTable(r, name, locale));
    }
  }
}

const csv = (file: string, body: string) => ({
  filename: `${file}.csv`,
  contentType: "text/csv; charset=utf-8",
  body: Buffer.from(body, "utf8"),
});

async function pdf(file: string, table: ReportTable) {
  const body = await renderToBuffer(
    createElement(ReportDocument, { table }) as Parameters<typeof renderToBuffer>[0],
  );
  return { filename: `${file}.pdf`, contentType: "application/pdf", body };
}

function agingTable(r: AgingReport, isp: string, locale: string): ReportTable {
  const $ = (v: number) => formatMoney(v, r.currency, locale);
  return {
    title: "Receivables aging",
    subtitle: `${isp} · as of ${r.asOf} · ledger balance ${$(r.ledgerBalance)}`,
    header: ["Customer", ...r.buckets.map((b) => b.label), "Total"],
    rows: r.customers.map((c) => [
      `${c.name} (${c.accountNumber})`,
      ...r.buckets.map((b) => $(c[b.key as keyof typeof c] as number)),
      $(c.total),
    ]),
    totals: [["Total", ...r.buckets.map((b) => $(b.amount)), $(r.total)]],
  };
}

function taxTable(r: TaxReport, isp: string, locale: string): ReportTable {
  const $ = (v: number) => formatMoney(v, r.currency, locale);
  const line = (period: string, t: TaxReport["totals"][number]) => [
    `${period} · ${t.rate}%`,
    $(t.invoiced.net),
    $(t.invoiced.tax),
    $(-t.credited.tax),
    $(-t.voided.tax),
    $(t.net.net),
    $(t.net.tax),
  ];
  return {
    title: "Tax report",
    subtitle: `${isp} · ${r.from} to ${r.to} · invoices by issue date, credit notes and voids by the day they were issued`,
    header: [
      "Period · rate",
      "Invoiced net",
      "Invoiced tax",
      "Credited tax",
      "Voided tax",
      "Net taxable",
      "Tax due",
    ],
    rows: r.rows.map((row) => line(row.period, row)),
    totals: r.totals.map((t) => line("Total", t)),
  };
}
