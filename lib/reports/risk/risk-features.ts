// The features a payment-risk score is built from, computed for a customer as of a day from their
// own history: only what was known on that day (invoices due before it and their outcome by then),
// so training samples do not peek at the future. Arrangements are not modelled yet (none exist).
import { daysBetween, type IsoDate } from "@/lib/time/dates";

export type InvoiceOutcome = {
  issueDate: IsoDate;
  dueDate: IsoDate;
  total: number;
  /** The day the last payment on it arrived, when paid in full. */
  paidOn: IsoDate | null;
};

export type CustomerHistory = {
  customerId: string;
  business: boolean;
  firstStart: IsoDate | null;
  invoices: InvoiceOutcome[]; // by issue date
  payments: { on: IsoDate; automatic: boolean }[]; // money received, by day
  failures: IsoDate[]; // failed debit/card attempts
};

/** Feature name, and what it means when it pushes risk up (above / below the average customer). */
export const FEATURES = [
  {
    key: "manualPayer",
    up: "Pays by EFT or cash rather than debit order or card",
    down: "Pays automatically",
  },
  { key: "tenureMonths", up: "Customer for a short time", down: "Long-standing customer" },
  { key: "pastLateShare", up: "Paid earlier invoices late", down: "Paid earlier invoices on time" },
  { key: "avgDaysLate", up: "Paid many days late before", down: "Pays promptly" },
  {
    key: "failedDebits",
    up: "Debit orders or card charges failed recently",
    down: "No failed debits",
  },
  { key: "residential", up: "Residential account", down: "Business account" },
  { key: "charge", up: "Larger monthly charge", down: "Smaller monthly charge" },
  { key: "owedBefore", up: "Still owes on earlier invoices", down: "Nothing owed from before" },
] as const;
export const FEATURE_KEYS = FEATURES.map((f) => f.key);

const PRIOR_LATE_SHARE = 0.25;

/** The feature vector for `h` on day `at`, for a charge of `charge` minor units. */
export function featuresAt(h: CustomerHistory, at: IsoDate, charge: number): number[] {
  const past = h.invoices.filter((i) => i.dueDate < at);
  const lateDays = past.map((i) => {
    const settled = i.paidOn !== null && i.paidOn <= at ? i.paidOn : at;
    return Math.max(0, daysBetween(i.dueDate, settled));
  });
  const late = lateDays.filter((d) => d > 0).length;
  const lastPayment = [...h.payments].reverse().find((p) => p.on < at);
  const owed = h.invoices
    .filter((i) => i.issueDate < at && (i.paidOn === null || i.paidOn > at))
    .reduce((s, i) => s + i.total, 0);
  return [
    lastPayment?.automatic ? 0 : 1,
    h.firstStart ? Math.min(24, Math.max(0, daysBetween(h.firstStart, at) / 30.44)) : 0,
    // Shrunk towards a prior so one invoice does not make a verdict.
    (late + 2 * PRIOR_LATE_SHARE) / (past.length + 2),
    past.length ? Math.min(60, lateDays.reduce((s, d) => s + d, 0) / past.length) : 0,
    h.failures.filter((d) => d < at && daysBetween(d, at) <= 90).length,
    h.business ? 0 : 1,
    charge / 10000,
    owed / 10000,
  ];
}

/** Training samples: one per invoice whose outcome is known on `today` (late = paid after due). */
export function samplesOf(h: CustomerHistory, today: IsoDate) {
  return h.invoices
    .filter((i) => i.dueDate < today)
    .map((i) => ({
      x: featuresAt(h, i.issueDate, i.total),
      y: i.paidOn === null || i.paidOn > i.dueDate ? 1 : 0,
      issueDate: i.issueDate,
    }));
}
