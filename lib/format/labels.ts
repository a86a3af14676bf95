// Names of things people choose between (intervals, roles, technologies, payment methods…), in
// one place, so a price says "/ month" on every page and a role reads the same in every list.
// Pure: safe for client components.

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
/** "/ month": after a price. */
export const perInterval = (i: Interval) => `/ ${INTERVAL[i].unit}`;

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
} as const;
export const paymentMethodLabel = (m: string) =>
  PAYMENT_METHOD[m as keyof typeof PAYMENT_METHOD] ?? m;

const CUSTOMER_TYPE = { RESIDENTIAL: "Residential", BUSINESS: "Business" } as const;
export const customerTypeLabel = (t: string) =>
  CUSTOMER_TYPE[t as keyof typeof CUSTOMER_TYPE] ?? t;

/** Who did something, in the audit log. */
const ACTOR_TYPE = { USER: "Person", API_KEY: "API key", SYSTEM: "System", PUBLIC: "Public" } as const;
export const actorTypeLabel = (t: string) => ACTOR_TYPE[t as keyof typeof ACTOR_TYPE] ?? t;
