import type { Permission } from "@/lib/auth/roles";

/** The back-office menu; each entry shows only to roles with its permission. */
export const ADMIN_NAV: { href: string; label: string; permission?: Permission }[] = [
  { href: "/admin", label: "Dashboard" },
  { href: "/admin/customers", label: "Customers", permission: "customers:read" },
  { href: "/admin/orders", label: "Orders", permission: "orders:read" },
  { href: "/admin/tickets", label: "Tickets", permission: "tickets:read" },
  { href: "/admin/catalog", label: "Catalogue", permission: "catalog:write" },
  { href: "/admin/coverage", label: "Coverage", permission: "coverage:write" },
  { href: "/admin/network", label: "Network", permission: "network:read" },
  { href: "/admin/invoices", label: "Invoices", permission: "billing:read" },
  { href: "/admin/payments", label: "Payments", permission: "payments:read" },
  { href: "/admin/bank", label: "Bank", permission: "banking:write" },
  { href: "/admin/billing", label: "Billing runs", permission: "billing:run" },
  { href: "/admin/dunning", label: "Dunning", permission: "billing:read" },
  { href: "/admin/reports", label: "Reports", permission: "reports:read" },
  { href: "/admin/mail", label: "Outgoing mail", permission: "mail:read" },
  { href: "/admin/jobs", label: "Jobs", permission: "jobs:run" },
  { href: "/admin/audit", label: "Audit log", permission: "audit:read" },
  { href: "/admin/users", label: "Staff users", permission: "users:write" },
  { href: "/admin/api-keys", label: "API keys", permission: "api_keys:write" },
  { href: "/admin/webhooks", label: "Webhooks", permission: "webhooks:write" },
  { href: "/admin/settings", label: "Settings", permission: "settings:write" },
  { href: "/admin/system", label: "System", permission: "system:read" },
];
