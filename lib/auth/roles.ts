// Who may do what. Lib services call `assertCan(actor, permission)` themselves: hiding a button is
// not authorization. The matrix follows POPIA/GDPR "minimum necessary": each staff role sees
// what its work needs (e.g. technicians see service addresses, not invoices or bank details).
import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";

export type Permission =
  | "customers:read"
  | "customers:write"
  | "customers:read_financial" // balances, invoices, payments of any customer
  | "customers:read_bank_details" // unmasked bank account numbers (audited)
  | "catalog:write"
  | "coverage:write"
  | "orders:read"
  | "orders:write"
  | "orders:activate"
  | "billing:read"
  | "billing:run"
  | "billing:charge" // one-off charges, credit notes, voids, adjustments
  | "payments:read" // payments, allocations and receipts of any customer
  | "payments:write" // record, allocate and reverse payments
  | "banking:write"
  | "tickets:read"
  | "tickets:write"
  | "reports:read"
  | "settings:write"
  | "users:write"
  | "api_keys:write"
  | "webhooks:write" // outbound webhook endpoints and their delivery log
  | "audit:read"
  | "mail:read"
  | "jobs:run" // see every background job's history and run one now
  | "system:read" // health details, versions, backups (admin System page, /api/ready details)
  | "network:read" // sessions, usage, NAS list, CoA log
  | "network:write" // NAS entries, disconnects, RADIUS resync
  | "network:read_credentials"; // a service's PPPoE password (audited)

const STAFF_ALL: Permission[] = [
  "customers:read",
  "customers:write",
  "customers:read_financial",
  "customers:read_bank_details",
  "catalog:write",
  "coverage:write",
  "orders:read",
  "orders:write",
  "orders:activate",
  "billing:read",
  "billing:run",
  "billing:charge",
  "payments:read",
  "payments:write",
  "banking:write",
  "tickets:read",
  "tickets:write",
  "reports:read",
  "settings:write",
  "users:write",
  "api_keys:write",
  "webhooks:write",
  "audit:read",
  "mail:read",
  "jobs:run",
  "system:read",
  "network:read",
  "network:write",
  "network:read_credentials",
];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  ADMIN: STAFF_ALL,
  SALES: [
    "customers:read",
    "customers:write",
    "catalog:write",
    "coverage:write",
    "orders:read",
    "orders:write",
    "tickets:read",
  ],
  ACCOUNTS: [
    "customers:read",
    "customers:write",
    "customers:read_financial",
    "customers:read_bank_details",
    "billing:read",
    "billing:run",
    "billing:charge",
    "payments:read",
    "payments:write",
    "banking:write",
    "reports:read",
    "tickets:read",
    "mail:read",
  ],
  SUPPORT: [
    "customers:read",
    "customers:read_financial",
    "orders:read",
    "billing:read",
    "payments:read",
    "tickets:read",
    "tickets:write",
    "mail:read",
    "network:read",
  ],
  TECHNICIAN: [
    "customers:read",
    "orders:read",
    "orders:activate",
    "tickets:read",
    "tickets:write",
    "network:read",
    "network:write",
    "network:read_credentials",
  ],
  // Customers act on their own data only; services check ownership with assertOwnCustomer.
  CUSTOMER: [],
};

export const STAFF_ROLES: readonly Role[] = ["ADMIN", "SALES", "ACCOUNTS", "SUPPORT", "TECHNICIAN"];

/** Roles an operation allows; `permission` says which permission they were chosen by. */
export type RoleList = readonly Role[] & { readonly permission?: Permission };

/** The staff roles holding `permission`: what an API operation or page declares it allows. */
export const rolesWith = (permission: Permission): RoleList =>
  Object.assign(
    STAFF_ROLES.filter((r) => ROLE_PERMISSIONS[r].includes(permission)),
    { permission },
  );

export type Actor =
  | { kind: "user"; id: string; role: Role; name: string; customerId?: string | null }
  | { kind: "api_key"; id: string; role: Role; name: string }
  | { kind: "system"; name: string };

export const SYSTEM: Actor = { kind: "system", name: "system" };

export function can(actor: Actor, permission: Permission): boolean {
  if (actor.kind === "system") return true;
  return ROLE_PERMISSIONS[actor.role].includes(permission);
}

export function assertCan(actor: Actor, permission: Permission): void {
  if (!can(actor, permission)) {
    throw new AppError("FORBIDDEN", `Your role may not do this (${permission}).`);
  }
}

/** A signed-in subscriber acting on their own account (the portal). */
export const isCustomerActor = (actor: Actor) => actor.kind === "user" && actor.role === "CUSTOMER";

/** Staff with `permission`, or the customer themselves. */
export function assertCustomerAccess(
  actor: Actor,
  customerId: string,
  permission: Permission,
): void {
  if (actor.kind === "user" && actor.role === "CUSTOMER") {
    if (actor.customerId !== customerId) throw new AppError("NOT_FOUND", "Not found");
    return;
  }
  assertCan(actor, permission);
}

export const actorLabel = (a: Actor) =>
  a.kind === "system"
    ? "system"
    : `${a.name} (${a.kind === "api_key" ? "API key" : a.role.toLowerCase()})`;
