// The tax report (the VAT return's numbers) per month and rate: tax charged on finalised invoices
// by issue date, less tax given back on credit notes by their issue date and on invoices voided
// in the period. A credit note carries one tax amount; it is split across its invoice's rates in
// proportion to the tax (and net) at each rate, so the parts add up to the note exactly.
import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { getSettings } from "@/lib/settings/get-settings";
import { monthOf, rateText, zoneDate } from "./period-sql";
import type { ReportRange } from "./report-range-schema";
import { splitByWeights } from "./split-by-weights";

export type GetTaxReportOptions = { actor: Actor } & ReportRange;

type Amounts = { net: number; tax: number };
type Row = {
  period: string;
  rate: string;
  invoiced: Amounts;
  credited: Amounts;
  voided: Amounts;
  net: Amounts;
};

export async function getTaxReport({ actor, from, to }: GetTaxReportOptions) {
  assertCan(actor, "reports:read");
  const { timeZone, currency } = await getSettings();
  const voidDay = zoneDate(Prisma.sql`i."voidedAt"`, timeZone);
  const noteDay = zoneDate(Prisma.sql`cn."issuedAt"`, timeZone);
  type Sum = { period: string; rate: string; net: bigint; tax: bigint };
  const [invoiced, voided, notes] = await Promise.all([
    db.$queryRaw<Sum[]>`
      SELECT ${monthOf(Prisma.sql`i."issueDate"`)} AS period, l."taxRate"::text AS rate,
        SUM(l."netAmount") AS net, SUM(l."taxAmount") AS tax
      FROM "Invoice" i JOIN "InvoiceLine" l ON l."invoiceId" = i.id
      WHERE i.status <> 'DRAFT' AND i."issueDate" BETWEEN ${from}::date AND ${to}::date
      GROUP BY 1, 2`,
    db.$queryRaw<Sum[]>`
      SELECT ${monthOf(voidDay)} AS period, l."taxRate"::text AS rate,
        SUM(l."netAmount") AS net, SUM(l."taxAmount") AS tax
      FROM "Invoice" i JOIN "InvoiceLine" l ON l."invoiceId" = i.id
      WHERE i.status = 'VOID' AND ${voidDay} BETWEEN ${from}::date AND ${to}::date
      GROUP BY 1, 2`,
    db.$queryRaw<
      {
        period: string;
        netAmount: number;
        taxAmount: number;
        rates: { rate: string; net: number; tax: number }[];
      }[]
    >`
      SELECT ${monthOf(noteDay)} AS period, cn."netAmount", cn."taxAmount",
        (SELECT json_agg(json_build_object('rate', r.rate, 'net', r.net, 'tax', r.tax) ORDER BY r.rate)
         FROM (SELECT l."taxRate"::text AS rate, SUM(l."netAmount")::bigint AS net, SUM(l."taxAmount")::bigint AS tax
               FROM "InvoiceLine" l WHERE l."invoiceId" = cn."invoiceId" GROUP BY 1) r) AS rates
      FROM "CreditNote" cn WHERE ${noteDay} BETWEEN ${from}::date AND ${to}::date`,
  ]);

  const rows = new Map<string, Row>();
  const row = (period: string, rate: string) => {
    const key = `${period} ${rateText(rate)}`;
    let r = rows.get(key);
    if (!r) {
      const zero = () => ({ net: 0, tax: 0 });
      r = {
        period,
        rate: rateText(rate),
        invoiced: zero(),
        credited: zero(),
        voided: zero(),
        net: zero(),
      };
      rows.set(key, r);
    }
    return r;
  };
  for (const s of invoiced) add(row(s.period, s.rate).invoiced, Number(s.net), Number(s.tax));
  for (const s of voided) add(row(s.period, s.rate).voided, Number(s.net), Number(s.tax));
  for (const n of notes) {
    const rates = n.rates ?? [{ rate: "0", net: 1, tax: 0 }];
    const taxWeights = rates.map((r) => Math.abs(Number(r.tax)));
    const netWeights = rates.map((r) => Math.abs(Number(r.net)));
    const useNet = taxWeights.every((w) => w === 0);
    const tax = splitByWeights(n.taxAmount, useNet ? netWeights : taxWeights);
    const net = splitByWeights(n.netAmount, netWeights);
    rates.forEach((r, i) => add(row(n.period, r.rate).credited, net[i], tax[i]));
  }
  const list = [...rows.values()].sort(
    (a, b) => a.period.localeCompare(b.period) || Number(b.rate) - Number(a.rate),
  );
  for (const r of list) {
    r.net.net = r.invoiced.net - r.credited.net - r.voided.net;
    r.net.tax = r.invoiced.tax - r.credited.tax - r.voided.tax;
  }
  return { from, to, currency, rows: list, totals: totalsByRate(list) };
}

function add(target: Amounts, net: number, tax: number) {
  target.net += net;
  target.tax += tax;
}

/** One line per rate over the whole range: what the return is filed from. */
function totalsByRate(rows: Row[]) {
  const byRate = new Map<string, Omit<Row, "period">>();
  for (const r of rows) {
    const t = byRate.get(r.rate) ?? {
      rate: r.rate,
      invoiced: { net: 0, tax: 0 },
      credited: { net: 0, tax: 0 },
      voided: { net: 0, tax: 0 },
      net: { net: 0, tax: 0 },
    };
    for (const k of ["invoiced", "credited", "voided", "net"] as const)
      add(t[k], r[k].net, r[k].tax);
    byRate.set(r.rate, t);
  }
  return [...byRate.values()].sort((a, b) => Number(b.rate) - Number(a.rate));
}

export type TaxReport = Awaited<ReturnType<typeof getTaxReport>>;
