// Names of things people choose between (intervals, roles, technologies, payment methods…), in
// one place, so a price says "/ month" on every page and a role reads the same in every list.
// Pure: safe for client components.
import type { Tone } from "./tone";

export type Interval = "MONTH" | "QUARTER" | "YEAR";

const INTERVAL = {
  MONTH: { label: "Monthly", unit: "month" },
  QUARTER: { label: "Quarterly", unit: "quarter" },
  YEAR: { label: "Yearly", unit: "year" },
} as const satisfies Record<Interval, { label: string; unit: string }>;

export const INTERVALS = Object.keys(INTERVAL) as Interval[];

/** "Monthly": how often something is billed (selects, plan details). */
export const intervalLabel = (i: Interval) => INTERVAL[i].label;
/** "month": for sentences ("per month", "every month"). */
export const intervalUnit = (i: Interval) => INTERVAL[i].unit;
/** "/ month": after a price; a charge without an interval is "once-off". */
export const perInterval = (i: Interval | null | undefined) =>
  i ? `/ ${INTERVAL[i].unit}` : "once-off";

const ADDON_CHARGE = {
  RECURRING: "With the plan, every period",
  ONCE_OFF: "Once, at activation",
} as const;
export const ADDON_CHARGES = Object.keys(ADDON_CHARGE) as (keyof typeof ADDON_CHARGE)[];
export const addonChargeLabel = (c: keyof typeof ADDON_CHARGE) => ADDON_CHARGE[c];

const CAP_ACTION = {
  NOTIFY: "Only tell the customer",
  THROTTLE: "Slow to the fair-use speed",
  BLOCK: "Pause (portal stays reachable for a top-up)",
  BILL_OVERAGE: "Bill each GB over on the next invoice",
} as const;
export const CAP_ACTIONS = Object.keys(CAP_ACTION) as (keyof typeof CAP_ACTION)[];
export const capActionLabel = (a: keyof typeof CAP_ACTION) => CAP_ACTION[a];

const ROLE = {
  ADMIN: "Admin",
  ACCOUNTS: "Accounts",
  SALES: "Sales",
  SUPPORT: "Support",
  TECHNICIAN: "Technician",
  CUSTOMER: "Customer",
} as const;
export type RoleName = keyof typeof ROLE;

/** What each staff role is for, in the order admins pick them. */
export const STAFF_ROLE_OPTIONS = [
  ["ADMIN", "Admin", "everything"],
  ["ACCOUNTS", "Accounts", "billing and payments"],
  ["SALES", "Sales", "customers and orders"],
  ["SUPPORT", "Support", "customers and tickets"],
  ["TECHNICIAN", "Technician", "installs"],
] as const satisfies readonly (readonly [RoleName, string, string])[];

export const roleLabel = (r: string) => ROLE[r as RoleName] ?? r;

const TECHNOLOGY = { FIBRE: "Fibre", WIRELESS: "Fixed wireless", LTE: "LTE" } as const;
export type TechnologyName = keyof typeof TECHNOLOGY;
export const TECHNOLOGIES = Object.keys(TECHNOLOGY) as TechnologyName[];
export const technologyLabel = (t: string) => TECHNOLOGY[t as TechnologyName] ?? t;

const PAYMENT_METHOD = {
  CARD: "Card",
  DEBIT_ORDER: "Debit order",
  EFT: "EFT",
  CASH: "Cash",
  CHEQUE: "Cheque",
  CARD_MACHINE: "Card machine",
  MOBILE_MONEY: "Mobile money",
  PIX: "Pix",
  BOLETO: "Boleto",
  OTHER: "Other",
} as const;
export type PaymentMethodName = keyof typeof PAYMENT_METHOD;
export const PAYMENT_METHODS = Object.keys(PAYMENT_METHOD) as PaymentMethodName[];
export const paymentMethodLabel = (m: string) =>
  PAYMENT_METHOD[m as keyof typeof PAYMENT_METHOD] ?? m;

/** The local payment rails (lib/payments/rails). */
const PAYMENT_RAIL = { PIX: "Pix", MPESA: "M-PESA" } as const;
export const paymentRailLabel = (r: string) => PAYMENT_RAIL[r as keyof typeof PAYMENT_RAIL] ?? r;

const CUSTOMER_TYPE = { RESIDENTIAL: "Residential", BUSINESS: "Business" } as const;
export const customerTypeLabel = (t: string) => CUSTOMER_TYPE[t as keyof typeof CUSTOMER_TYPE] ?? t;

/** Who did something, in the audit log. */
const ACTOR_TYPE = {
  USER: ["Person", "blue"],
  API_KEY: ["API key", "amber"],
  SYSTEM: ["System", "gray"],
  PUBLIC: ["Public", "gray"],
} as const satisfies Record<string, readonly [string, Tone]>;
type ActorType = keyof typeof ACTOR_TYPE;
export const actorTypeLabel = (t: string) => ACTOR_TYPE[t as ActorType]?.[0] ?? t;
export const actorTypeTone = (t: string): Tone => ACTOR_TYPE[t as ActorType]?.[1] ?? "gray";

/** What started a billing run. */
const RUN_TRIGGER = {
  cron: "Schedule",
  admin: "Admin",
  api: "API",
  cli: "Command line",
  bench: "Benchmark",
} as const;
export const runTriggerLabel = (t: string) => RUN_TRIGGER[t as keyof typeof RUN_TRIGGER] ?? t;

const TICKET_CATEGORY = {
  FAULT: "Fault",
  BILLING: "Billing",
  SALES: "Sales",
  INSTALLATION: "Installation",
} as const;
export type TicketCategoryName = keyof typeof TICKET_CATEGORY;
export const TICKET_CATEGORIES = Object.keys(TICKET_CATEGORY) as TicketCategoryName[];
export const ticketCategoryLabel = (c: string) => TICKET_CATEGORY[c as TicketCategoryName] ?? c;
/** Dunning steps (lib/dunning/steps.ts ids) as staff read them. */
const DUNNING_STEP: Record<string, string> = {
  reminder: "Reminder",
  "overdue-notice": "Overdue notice",
  "late-fee": "Late fee",
  "soft-suspend": "Throttle",
  suspend: "Suspend",
  collections: "Collections",
  restore: "Restore",
  "arrangement-agreed": "Arrangement agreed",
  "arrangement-missed": "Arrangement missed",
  "arrangement-kept": "Arrangement kept",
};
export const dunningStepLabel = (s: string) => DUNNING_STEP[s] ?? s;
/** The rail a payment came in on (Payment.provider), as the payments report names it. */
const PAYMENT_PROVIDER: Record<string, string> = {
  MANUAL: "recorded by staff",
  STRIPE: "Stripe",
  BANK: "bank file",
};
export const paymentProviderLabel = (p: string) => PAYMENT_PROVIDER[p] ?? p;

/** Pix Automático periods (`RecBase.calendario.periodicidade`). */
const PIX_PERIOD = {
  SEMANAL: "Weekly",
  MENSAL: "Monthly",
  TRIMESTRAL: "Quarterly",
  SEMESTRAL: "Every six months",
  ANUAL: "Yearly",
} as const;
export const pixPeriodLabel = (p: string) => PIX_PERIOD[p as keyof typeof PIX_PERIOD] ?? p;
