// Reports (reports:read — ACCOUNTS and ADMIN): receivables aging, revenue, tax. Amounts are integer
// minor units in the ISP's currency; periods are calendar months in the ISP's time zone.
import { z } from "zod";
import { defineOperation } from "@/lib/http/define-operation";
import { rolesWith } from "@/lib/auth/roles";
import { PaymentMethodKind, PaymentProvider } from "@/lib/generated/prisma/enums";
import { agingQuerySchema, reportRangeSchema } from "@/lib/reports/report-range-schema";
import { date, dateTime, idParams, minor } from "./common";

const roles = rolesWith("reports:read");
const bucketAmounts = {
  current: minor(),
  d1_30: minor(),
  d31_60: minor(),
  d61_90: minor(),
  d90_plus: minor(),
};

export const getAgingReport = defineOperation({
  method: "GET",
  path: "/reports/aging",
  tag: "Reports",
  summary: "Receivables aging on a day, per customer and in total (reports:read)",
  description:
    "Open amounts after allocations and credit notes by days past due (current, 1–30, 31–60, " +
    "61–90, 90+). `ledgerBalance` is the ledger on the same day; it differs from `total` by " +
    "unapplied customer credit. With `customerId`, `invoices` lists that customer's open invoices.",
  roles,
  query: agingQuerySchema,
  responses: {
    200: z.object({
      asOf: date(),
      currency: z.string(),
      total: minor(),
      ledgerBalance: minor(),
      buckets: z.array(
        z.object({ key: z.string(), label: z.string(), amount: minor(), invoices: z.int() }),
      ),
      customers: z.array(
        z
          .object({
            customerId: z.string(),
            accountNumber: z.string(),
            name: z.string(),
            invoices: z.int(),
            total: minor(),
            ...bucketAmounts,
          })
          .meta({ id: "AgingCustomer" }),
      ),
      invoices: z
        .array(
          z.object({
            id: z.string(),
            number: z.string().nullable(),
            issueDate: date(),
            dueDate: date(),
            total: minor(),
            open: minor(),
            daysOverdue: z.int(),
          }),
        )
        .optional(),
    }),
  },
});

const amounts = z.object({ net: minor(), tax: minor() });
const taxLine = {
  rate: z.string().meta({ description: "Percent" }),
  invoiced: amounts,
  credited: amounts,
  voided: amounts,
  net: amounts,
};

export const getTaxReport = defineOperation({
  method: "GET",
  path: "/reports/tax",
  tag: "Reports",
  summary: "Tax per month and rate from finalised invoices and credit notes (reports:read)",
  description:
    "Invoices count in the month of their issue date, credit notes and voids in the month they " +
    "were issued. `net` = invoiced − credited − voided.",
  roles,
  query: reportRangeSchema,
  responses: {
    200: z.object({
      from: date(),
      to: date(),
      currency: z.string(),
      rows: z.array(z.object({ period: z.string(), ...taxLine }).meta({ id: "TaxReportRow" })),
      totals: z.array(z.object(taxLine)),
    }),
  },
});

const revenueKeys = [
  "invoiced",
  "credited",
  "voided",
  "netInvoiced",
  "received",
  "reversed",
  "refunded",
  "collected",
] as const;

export const getRevenueReport = defineOperation({
  method: "GET",
  path: "/reports/revenue",
  tag: "Reports",
  summary: "Invoiced, credited and collected per month, by plan and payment method (reports:read)",
  description:
    "`netInvoiced` = invoiced − credited − voided; `collected` = received − reversed − refunded.",
  roles,
  query: reportRangeSchema,
  responses: {
    200: z.object({
      from: date(),
      to: date(),
      currency: z.string(),
      periods: z.array(
        z.object({
          period: z.string(),
          ...Object.fromEntries(revenueKeys.map((k) => [k, minor()])),
        }),
      ),
      byPlan: z.array(
        z.object({
          productId: z.string().nullable(),
          name: z.string(),
          net: minor(),
          total: minor(),
        }),
      ),
      byMethod: z.array(
        z.object({ method: z.enum(PaymentMethodKind), count: z.int(), amount: minor() }),
      ),
    }),
  },
});

const breakdown = z.array(
  z.object({ key: z.string().nullable(), label: z.string(), mrr: minor(), subscribers: z.int() }),
);

export const getMrrReport = defineOperation({
  method: "GET",
  path: "/reports/mrr",
  tag: "Reports",
  summary: "MRR movements, subscribers, churn and ARPU per month (reports:read)",
  description:
    "From the daily MRR snapshots (job reports.snapshot-mrr): monthly recurring revenue, " +
    "quarterly ÷ 3 and yearly ÷ 12, discounts applied, rounded half-up per subscription. " +
    "closing = opening + new + reactivation + expansion − contraction − churn; closing of a " +
    "month = opening of the next. Rates are decimal strings (0.0250 = 2.5 %).",
  roles,
  query: reportRangeSchema,
  responses: {
    200: z.object({
      from: date(),
      to: date(),
      currency: z.string(),
      months: z.array(
        z
          .object({
            month: z.string().meta({ examples: ["2026-11"] }),
            openingDay: date().nullable(),
            closingDay: date().nullable(),
            opening: minor(),
            new: minor(),
            expansion: minor(),
            contraction: minor(),
            churn: minor(),
            reactivation: minor(),
            closing: minor(),
            openingSubscribers: z.int(),
            newSubscribers: z.int(),
            reactivatedSubscribers: z.int(),
            churnedSubscribers: z.int(),
            closingSubscribers: z.int(),
            churnRate: z.string(),
            revenueChurnRate: z.string(),
            arpu: minor(),
          })
          .meta({ id: "MrrMonth" }),
      ),
      breakdown: z
        .object({ day: date(), byPlan: breakdown, byTechnology: breakdown, byArea: breakdown })
        .nullable(),
    }),
  },
});

const rate = () => z.string().meta({ description: "Share as a decimal (0.0250 = 2.5 %)" });

export const getPaymentsReport = defineOperation({
  method: "GET",
  path: "/reports/payments",
  tag: "Reports",
  summary: "Collections by method and rail, failure and return rates, days to pay (reports:read)",
  description:
    "Payments by the day they arrived. `failureRate` = failed ÷ (failed + received) attempts; " +
    "`returnRate` = reversed ÷ received. Days to pay: invoices issued in the range and paid in " +
    "full, issue date to the last payment. Auto-pay: live customers with a default card or " +
    "debit order.",
  roles,
  query: reportRangeSchema,
  responses: {
    200: z.object({
      from: date(),
      to: date(),
      currency: z.string(),
      byMethod: z.array(
        z.object({
          method: z.enum(PaymentMethodKind),
          provider: z.enum(PaymentProvider),
          received: z.int(),
          amount: minor(),
          failed: z.int(),
          reversed: z.int(),
          failureRate: rate(),
          returnRate: rate(),
        }),
      ),
      reasons: z.array(
        z.object({
          kind: z.enum(["failure", "return"]),
          reason: z.string(),
          count: z.int(),
          amount: minor(),
        }),
      ),
      daysToPay: z.object({
        invoices: z.int(),
        average: z.string(),
        median: z.int(),
        p90: z.int(),
        onTimeRate: rate(),
      }),
      autopay: z.object({ customers: z.int(), automatic: z.int(), coverage: rate() }),
    }),
  },
});

export const getCustomerRisk = defineOperation({
  method: "GET",
  path: "/customers/{id}/risk",
  tag: "Reports",
  summary: "A customer's payment-risk score and its three main reasons (reports:read)",
  description:
    "The probability that the customer pays their next invoice late, from a logistic regression " +
    "retrained weekly on the ISP's own history (job reports.train-risk), with the features that " +
    "raise it most. `score` is null until the model has been trained with the customer in it.",
  roles,
  params: idParams("Customer"),
  responses: {
    200: z.object({
      customerId: z.string(),
      score: z
        .object({
          probability: z.string().meta({ description: "0–1, four decimals" }),
          high: z.boolean().meta({ description: "At or above the high-risk threshold" }),
          reasons: z.array(
            z.object({ feature: z.string(), label: z.string(), contribution: z.number() }),
          ),
          scoredAt: dateTime(),
          model: z
            .object({ trainedAt: dateTime(), samples: z.int(), auc: z.string().nullable() })
            .nullable(),
        })
        .nullable(),
    }),
  },
});

export const reportOperations = [
  getCustomerRisk,
  getAgingReport,
  getRevenueReport,
  getTaxReport,
  getMrrReport,
  getPaymentsReport,
];
