// Who may reach what, in one table per kind of route, keyed by route pattern. Permissions come
// from lib/auth/roles.ts (ROLE_PERMISSIONS), so the expected answer for every principal follows
// from the role matrix; a route in the tree that is missing here fails the matrix spec, so a new
// page, handler or action cannot ship without someone deciding who may use it.
import { can, type Permission } from "@/lib/auth/roles";
import type { Knocker } from "./principals";
import type { World } from "./security-world";

/** Staff holding any of these permissions. */
type Needs = Permission | readonly Permission[];
export const holds = (p: Knocker, needs: Needs) =>
  p.kind === "staff" &&
  (typeof needs === "string" ? [needs] : needs).some((n) =>
    can({ kind: "user", id: "", name: "", role: p.role }, n),
  );

type IdKind = keyof World["ids"];

// ─── pages ───────────────────────────────────────────────────────────────────────────────────
type PageRule = { permission?: Permission; id?: IdKind };

export const ADMIN_PAGES: Record<string, PageRule> = {
  "/admin": {},
  "/admin/api-keys": { permission: "api_keys:write" },
  "/admin/audit": { permission: "audit:read" },
  "/admin/bank": { permission: "banking:write" },
  "/admin/bank/imports": { permission: "banking:write" },
  "/admin/bank/cnab": { permission: "banking:write" },
  "/admin/bank/imports/[id]": { permission: "banking:write", id: "bankFile" },
  "/admin/bank/review": { permission: "banking:write" },
  "/admin/billing": { permission: "billing:run" },
  "/admin/billing/runs/[id]": { permission: "billing:read", id: "billingRun" },
  "/admin/catalog": { permission: "catalog:write" },
  "/admin/catalog/new": { permission: "catalog:write" },
  "/admin/catalog/[id]": { permission: "catalog:write", id: "product" },
  "/admin/coverage": { permission: "coverage:write" },
  "/admin/coverage/addresses": { permission: "coverage:write" },
  "/admin/coverage/import": { permission: "coverage:write" },
  "/admin/coverage/leads": { permission: "coverage:write" },
  "/admin/coverage/new": { permission: "coverage:write" },
  "/admin/coverage/[id]": { permission: "coverage:write", id: "area" },
  "/admin/customers": { permission: "customers:read" },
  "/admin/customers/new": { permission: "customers:write" },
  "/admin/customers/message": { permission: "customers:write" },
  "/admin/customers/[id]": { permission: "customers:read", id: "customerA" },
  "/admin/customers/[id]/edit": { permission: "customers:write", id: "customerA" },
  "/admin/customers/[id]/services/new": { permission: "orders:write", id: "customerA" },
  "/admin/customers/[id]/change-plan": { permission: "customers:write", id: "customerA" },
  "/admin/orders/requests/[id]/sign": { permission: "orders:write", id: "serviceRequest" },
  "/admin/dunning": { permission: "billing:read" },
  "/admin/dunning/policy": { permission: "settings:write" },
  "/admin/dunning/arrangements": { permission: "billing:read" },
  "/admin/dunning/templates": { permission: "settings:write" },
  "/admin/invoices": { permission: "billing:read" },
  "/admin/jobs": { permission: "jobs:run" },
  "/admin/invoices/[id]": { permission: "billing:read", id: "invoiceA" },
  "/admin/mail": { permission: "mail:read" },
  "/admin/mail/[id]": { permission: "mail:read", id: "mail" },
  "/admin/orders": { permission: "orders:read" },
  "/admin/network": { permission: "network:read" },
  "/admin/orders/[id]": { permission: "orders:read", id: "order" },
  "/admin/payments": { permission: "payments:read" },
  "/admin/payments/new": { permission: "payments:write" },
  "/admin/payments/[id]": { permission: "payments:read", id: "paymentA" },
  "/admin/payments/rails": { permission: "payments:read" },
  "/admin/reports": { permission: "reports:read" },
  "/admin/reports/aging": { permission: "reports:read" },
  "/admin/reports/revenue": { permission: "reports:read" },
  "/admin/reports/tax": { permission: "reports:read" },
  "/admin/settings": { permission: "settings:write" },
  "/admin/settings/payment-rails": { permission: "settings:write" },
  "/admin/tickets": { permission: "tickets:read" },
  "/admin/tickets/new": { permission: "tickets:write" },
  "/admin/tickets/[id]": { permission: "tickets:read", id: "ticketA" },
  "/admin/system": { permission: "system:read" },
  "/admin/users": { permission: "users:write" },
  "/admin/webhooks": { permission: "webhooks:write" },
  "/admin/webhooks/[id]": { permission: "webhooks:write", id: "webhook" },
};

/** Portal pages: the signed-in customer's own data; an id is customer A's. */
export const PORTAL_PAGES: Record<string, PageRule> = {
  "/portal": {},
  "/portal/documents": {},
  "/portal/invoices": {},
  "/portal/invoices/[id]": { id: "invoiceA" },
  "/portal/orders": {},
  "/portal/payments": {},
  "/portal/profile": {},
  "/portal/profile/confirm-email": {},
  "/portal/services": {},
  "/portal/services/[id]": { id: "subscriptionA" },
  "/portal/pay": {},
  "/portal/payment-methods": {},
  "/portal/arrangement": {},
  "/portal/usage": {},
  "/portal/support": {},
  "/portal/support/new": {},
  "/portal/support/[id]": { id: "ticketA" },
};

export type PageExpectation = { status: number; location?: string };

/** What `p` gets for a page; `real` says whether the path holds a real id or none at all. */
export function expectPage(
  surface: "admin" | "portal",
  rule: PageRule,
  p: Knocker,
  real: boolean,
): PageExpectation {
  if (p.kind === "anonymous" || p.kind === "api-key") return { status: 307, location: "/signin" };
  if (surface === "admin") {
    if (p.kind === "customer") return { status: 307, location: "/portal" };
    if (rule.permission && !holds(p, rule.permission)) return { status: 403 };
    return { status: real ? 200 : 404 };
  }
  if (p.kind === "staff") return { status: 307, location: "/admin" };
  // Customer A owns the ids used; customer B must not learn they exist.
  return { status: real && p.name === "customer A" ? 200 : rule.id ? 404 : 200 };
}

// ─── route handlers that are not declared API operations ─────────────────────────────────────
type Outcome = number | "any-4xx-or-less";
type ExtraRule = { path: (w: World) => string | null; expect: (p: Knocker) => Outcome };

const signedIn = (p: Knocker) => p.kind === "customer" || p.kind === "staff";
const ownOrStaff =
  (permission: Permission) =>
  (p: Knocker): Outcome =>
    !signedIn(p)
      ? 401
      : p.kind === "customer"
        ? p.name === "customer A"
          ? 200
          : 404
        : holds(p, permission)
          ? 200
          : 403;

export const API_EXTRAS: Record<string, ExtraRule> = {
  // next-auth: the session endpoint answers everyone; POSTs need its CSRF token (never a 5xx).
  "GET /api/auth/[...nextauth]": { path: () => "/api/auth/session", expect: () => 200 },
  "POST /api/auth/[...nextauth]": {
    path: () => "/api/auth/signout",
    expect: () => "any-4xx-or-less",
  },
  // Served only when an Inngest server is configured; the e2e app runs the embedded scheduler.
  "GET /api/inngest": { path: () => "/api/inngest", expect: () => 404 },
  "POST /api/inngest": { path: () => "/api/inngest", expect: () => 404 },
  "PUT /api/inngest": { path: () => "/api/inngest", expect: () => 404 },
  // Any other /api path: a JSON 404 for everyone.
  ...Object.fromEntries(
    ["GET", "POST", "PUT", "PATCH", "DELETE"].map((m) => [
      `${m} /api/[...path]`,
      { path: () => "/api/v1/no-such-endpoint", expect: () => 404 },
    ]),
  ),
  // Files for a signed-in person: their own, or staff with the permission (lib checks it).
  "GET /api/invoices/[id]/pdf": {
    path: (w) => `/api/invoices/${w.ids.invoiceA}/pdf`,
    expect: ownOrStaff("billing:read"),
  },
  "GET /api/payments/[id]/receipt": {
    path: (w) => (w.ids.paymentA ? `/api/payments/${w.ids.paymentA}/receipt` : null),
    expect: ownOrStaff("payments:read"),
  },
  // The admin's collection-file download: banking:write (ACCOUNTS, ADMIN); no such batch → 404.
  "GET /api/bank/collection-batches/[id]/file": {
    path: () => "/api/bank/collection-batches/no-such-batch/file",
    expect: (p) => (!signedIn(p) ? 401 : holds(p, "banking:write") ? 404 : 403),
  },
  "GET /api/credit-notes/[id]/pdf": {
    path: (w) => (w.ids.creditNoteA ? `/api/credit-notes/${w.ids.creditNoteA}/pdf` : null),
    expect: ownOrStaff("billing:read"),
  },
  // Stripe signs its webhooks (no session, no key): without a valid Stripe-Signature everyone
  // gets a 4xx (400 with STRIPE_WEBHOOK_SECRET set, 404 without it), never a 5xx.
  "POST /api/webhooks/stripe": {
    path: () => "/api/webhooks/stripe",
    expect: () => "any-4xx-or-less",
  },
  // Probes: liveness and readiness answer everyone (details only for staff with system:read).
  "GET /api/health": { path: () => "/api/health", expect: () => 200 },
  "GET /api/ready": { path: () => "/api/ready", expect: () => 200 },
  // Served only to a scraper holding METRICS_TOKEN, which the e2e app does not set.
  "GET /api/metrics": { path: () => "/api/metrics", expect: () => 404 },
  // The subscriber's own data export: only a customer account has one.
  "GET /api/portal/my-data": {
    path: () => "/api/portal/my-data",
    expect: (p) => (!signedIn(p) ? 401 : p.kind === "customer" ? 200 : 403),
  },
  "GET /api/portal/statement": {
    path: () => "/api/portal/statement?from=2026-01-01&to=2026-12-31",
    expect: (p) => (!signedIn(p) ? 401 : p.kind === "customer" ? 200 : 403),
  },
  // Ticket files: the ticket's customer, or staff who read tickets.
  "GET /api/tickets/[id]/attachments/[attachmentId]": {
    path: (w) => `/api/tickets/${w.ids.ticketA}/attachments/${w.ids.ticketAttachmentA}`,
    expect: ownOrStaff("tickets:read"),
  },
  // CSV exports of lists: staff whose role may read the list; customers are refused.
  "GET /api/exports/[list]": {
    path: () => "/api/exports/customers",
    expect: (p) => (!signedIn(p) ? 401 : holds(p, "customers:read") ? 200 : 403),
  },
  // Replies by email: only the mail provider holding INBOUND_EMAIL_SECRET (no principal has it).
  "POST /api/inbound/email": { path: () => "/api/inbound/email", expect: () => 401 },
  // Report downloads: staff with reports:read (customers are not staff: 403 from lib).
  "GET /api/reports/[report]/[format]": {
    path: () => "/api/reports/aging/csv",
    expect: (p) => (!signedIn(p) ? 401 : holds(p, "reports:read") ? 200 : 403),
  },
  "GET /api/contracts/[id]/pdf": {
    path: (w) => (w.ids.contractA ? `/api/contracts/${w.ids.contractA}/pdf` : null),
    expect: ownOrStaff("customers:read"),
  },
};

/**
 * Declared operations the e2e app does not serve: without SANDBOX_CLOCK the sandbox clock does
 * not exist, so everyone gets its 404 before any key is looked at.
 */
export const API_SWITCHED_OFF: ReadonlySet<string> = new Set(
  ["GET", "PUT", "DELETE"].map((m) => `${m} /api/v1/sandbox/clock`),
);

/** For declared API operations: which real id a GET path gets, by its first segment. */
export const API_REAL_IDS: Record<string, IdKind> = {
  customers: "customerA",
  subscriptions: "subscriptionA",
  "billing-runs": "billingRun",
  invoices: "invoiceA",
  orders: "order",
  payments: "paymentA",
  tickets: "ticketA",
  "bank-files": "bankFile",
};

// ─── server actions ──────────────────────────────────────────────────────────────────────────
type ActionRule = (
  | { who: "public" }
  | { who: "signed-in" }
  | { who: "customer" }
  | { who: "staff"; permission: Needs }
) & {
  /** The arguments its form sends, when not (previous state, form data). */
  args?: (w: World) => unknown[];
};

const staff = (permission: Needs, args?: ActionRule["args"]): ActionRule => ({
  who: "staff",
  permission,
  args,
});
/** `<form action={fn}>` without useActionState: the form data alone. */
const formOnly = () => [new FormData()];

export const ACTIONS: Record<string, ActionRule> = {
  "app/(auth)/change-password/change-password-action.ts#changePasswordAction": {
    who: "signed-in",
  },
  "app/(auth)/forgot-password/request-reset-action.ts#requestResetAction": { who: "public" },
  "app/(auth)/reset-password/reset-password-action.ts#resetPasswordAction": { who: "public" },
  "app/(storefront)/coverage/create-lead-action.ts#createLeadAction": { who: "public" },
  // The walled garden: anyone with an account number and its PIN (rate-limited in lib).
  "app/suspended/lookup-action.ts#walledGardenLookupAction": { who: "public" },
  // A customer who signed in to confirm an order placed while signed out: theirs to claim or not.
  "app/(storefront)/order/confirm/[id]/claim-order-action.ts#claimOrderAction": {
    who: "customer",
  },
  "app/(storefront)/order/confirm/[id]/decline-order-action.ts#declineOrderAction": {
    who: "customer",
  },
  "app/(storefront)/order/create-setup-intent-action.ts#createSetupIntentAction": {
    who: "public",
  },
  "app/(storefront)/order/place-order-action.ts#placeOrderAction": { who: "public" },
  // A service staff set up: the emailed link's token is the credential (checked in lib).
  "app/(storefront)/sign/[token]/sign-by-link-action.ts#signByLinkAction": { who: "public" },
  // Pay links: the signed token is the credential; finishing only records what Stripe says; the
  // test confirm answers 404 unless the server talks to the fake Stripe.
  "app/pay/[token]/start-pay-link-payment-action.ts#startPayLinkPaymentAction": { who: "public" },
  "app/pay/[token]/finish-pay-now-action.ts#finishPayNowAction": { who: "public" },
  "app/pay/[token]/confirm-test-payment-action.ts#confirmTestPaymentAction": { who: "public" },
  "app/portal/pay/start-portal-payment-action.ts#startPortalPaymentAction": { who: "customer" },
  // Portal "Add a card": the SetupIntent carries the customer's id, checked when it is saved; the
  // test confirm answers 404 unless the server talks to the fake Stripe.
  "app/portal/payment-methods/start-card-setup-action.ts#startCardSetupAction": { who: "customer" },
  "app/portal/payment-methods/finish-card-setup-action.ts#finishCardSetupAction": {
    who: "customer",
  },
  "app/portal/payment-methods/confirm-test-card-action.ts#confirmTestCardAction": {
    who: "customer",
  },
  "app/portal/payment-methods/remove-payment-method-action.ts#removePaymentMethodAction": {
    who: "customer",
  },
  "app/portal/payment-methods/set-default-payment-method-action.ts#setDefaultPaymentMethodAction": {
    who: "customer",
  },
  "app/portal/payment-methods/preview-mandate-action.ts#previewMandateAction": { who: "customer" },
  "app/portal/payment-methods/sign-mandate-action.ts#signMandateAction": { who: "customer" },
  "app/portal/payment-methods/authorize-pix-automatico-action.ts#authorizePixAutomaticoAction": {
    who: "customer",
  },
  "app/portal/payment-methods/cancel-pix-automatico-action.ts#cancelPixAutomaticoAction": {
    who: "customer",
  },
  "app/(storefront)/order/preview-contract-action.ts#previewContractAction": { who: "public" },
  // Portal self-service: the customer's own services (ownership is checked inside lib).
  "app/portal/profile/confirm-email/confirm-email-action.ts#confirmEmailAction": {
    who: "customer",
  },
  "app/portal/profile/request-deletion-action.ts#requestDeletionAction": { who: "customer" },
  "app/portal/profile/request-email-change-action.ts#requestEmailChangeAction": {
    who: "customer",
  },
  "app/portal/profile/update-contact-action.ts#updateContactAction": { who: "customer" },
  "app/portal/services/[id]/add-addon-action.ts#addAddonAction": { who: "customer" },
  "app/portal/services/[id]/cancel-service-action.ts#cancelServiceAction": { who: "customer" },
  "app/portal/services/[id]/change-plan-action.ts#changePlanAction": { who: "customer" },
  "app/portal/services/[id]/preview-cancellation-action.ts#previewCancellationAction": {
    who: "customer",
  },
  "app/portal/services/[id]/preview-plan-change-action.ts#previewPlanChangeAction": {
    who: "customer",
  },
  "app/setup/complete-setup-action.ts#completeSetupAction": { who: "public" },
  "app/portal/usage/buy-top-up-action.ts#buyTopUpAction": { who: "customer" },
  "app/portal/usage/change-service-password-action.ts#changeServicePasswordAction": {
    who: "customer",
  },
  "app/portal/invoices/[id]/create-pix-charge-action.ts#createPixChargeAction": { who: "customer" },
  "app/portal/invoices/[id]/start-mpesa-prompt-action.ts#startMpesaPromptAction": {
    who: "customer",
  },
  "app/admin/api-keys/create-api-key-action.ts#createApiKeyAction": staff("api_keys:write"),
  "app/admin/api-keys/revoke-api-key-action.ts#revokeApiKeyAction": staff("api_keys:write"),
  "app/admin/billing/start-run-action.ts#startRunAction": staff("billing:run"),
  "app/admin/catalog/create-product-action.ts#createProductAction": staff("catalog:write"),
  "app/admin/catalog/set-product-status-action.ts#setProductStatusAction": staff(
    "catalog:write",
    formOnly,
  ),
  "app/admin/catalog/update-product-action.ts#updateProductAction": staff("catalog:write"),
  "app/admin/coverage/create-coverage-area-action.ts#createCoverageAreaAction":
    staff("coverage:write"),
  "app/admin/coverage/delete-coverage-area-action.ts#deleteCoverageAreaAction": staff(
    "coverage:write",
    formOnly,
  ),
  "app/admin/coverage/import-addresses-action.ts#importAddressesAction": staff("coverage:write"),
  "app/admin/coverage/import-coverage-action.ts#importCoverageAction": staff("coverage:write"),
  "app/admin/coverage/update-coverage-area-action.ts#updateCoverageAreaAction":
    staff("coverage:write"),
  "app/admin/customers/[id]/edit/update-customer-action.ts#updateCustomerAction":
    staff("customers:write"),
  "app/admin/customers/message/send-bulk-message-action.ts#sendBulkMessageAction":
    staff("customers:write"),
  "app/admin/customers/new/register-customer-action.ts#registerCustomerAction":
    staff("customers:write"),
  "app/admin/customers/[id]/notes/add-note-action.ts#addCustomerNoteAction":
    staff("customers:read"),
  "app/admin/customers/[id]/notes/pin-note-action.ts#pinNoteAction": staff("customers:read"),
  "app/admin/customers/[id]/services/new/create-service-request-action.ts#createServiceRequestAction":
    staff("orders:write"),
  "app/admin/customers/[id]/services/requests/cancel-service-request-action.ts#cancelServiceRequestAction":
    staff("orders:write"),
  "app/admin/customers/[id]/services/requests/send-signing-link-action.ts#sendSigningLinkAction":
    staff("orders:write"),
  "app/admin/orders/requests/[id]/sign/sign-service-request-action.ts#signServiceRequestAction":
    staff("orders:write"),
  "app/admin/customers/[id]/change-plan/preview-plan-change-action.ts#staffPreviewPlanChangeAction":
    staff("customers:write"),
  "app/admin/customers/[id]/change-plan/change-plan-action.ts#staffChangePlanAction":
    staff("customers:write"),
  "app/admin/customers/[id]/(detail)/resend-invoice-action.ts#resendInvoiceAction": staff(
    "customers:read_financial",
  ),
  "app/admin/customers/[id]/portal-access/send-password-link-action.ts#sendPasswordLinkAction":
    staff(["customers:write", "customers:read_financial"]),
  "app/admin/invoices/[id]/finalize-invoice-action.ts#finalizeInvoiceAction":
    staff("billing:charge"),
  "app/admin/invoices/[id]/issue-credit-note-action.ts#issueCreditNoteAction":
    staff("billing:charge"),
  "app/admin/invoices/[id]/void-invoice-action.ts#voidInvoiceAction": staff("billing:charge"),
  "app/admin/invoices/create-one-off-charge-action.ts#createOneOffChargeAction":
    staff("billing:charge"),
  "app/admin/jobs/run-job-action.ts#runJobAction": staff("jobs:run"),
  "app/admin/network/create-nas-action.ts#createNasAction": staff("network:write"),
  "app/admin/network/create-ip-pool-action.ts#createIpPoolAction": staff("network:write"),
  "app/admin/network/assign-static-ip-action.ts#assignStaticIpAction": staff("network:write"),
  "app/admin/network/release-static-ip-action.ts#releaseStaticIpAction": staff("network:write"),
  "app/admin/orders/[id]/activate-action.ts#activateAction": staff("orders:activate"),
  "app/admin/orders/[id]/add-note-action.ts#addNoteAction": staff([
    "orders:write",
    "orders:activate",
  ]),
  "app/admin/orders/[id]/assign-action.ts#assignAction": staff("orders:write"),
  "app/admin/orders/[id]/cancel-action.ts#cancelAction": staff("orders:write"),
  "app/admin/orders/[id]/confirm-feasibility-action.ts#confirmFeasibilityAction": staff([
    "orders:write",
    "orders:activate",
  ]),
  "app/admin/orders/[id]/reveal-account-action.ts#revealAccountAction": staff(
    "customers:read_bank_details",
  ),
  "app/admin/orders/[id]/schedule-action.ts#scheduleAction": staff([
    "orders:write",
    "orders:activate",
  ]),
  "app/admin/payments/[id]/allocate-payment-action.ts#allocatePaymentAction":
    staff("payments:write"),
  "app/admin/payments/[id]/refund-payment-action.ts#refundPaymentAction": staff("payments:write"),
  "app/admin/payments/[id]/reverse-payment-action.ts#reversePaymentAction": staff("payments:write"),
  "app/admin/customers/[id]/(detail)/hold-dunning-action.ts#holdDunningAction":
    staff("billing:charge"),
  "app/admin/dunning/policy/update-policy-action.ts#updatePolicyAction": staff("settings:write"),
  "app/admin/dunning/policy/update-arrangement-policy-action.ts#updateArrangementPolicyAction":
    staff("settings:write"),
  "app/admin/dunning/templates/save-template-action.ts#saveTemplateAction": staff("settings:write"),
  "app/admin/dunning/arrangements/approve-arrangement-action.ts#approveArrangementAction":
    staff("billing:charge"),
  "app/admin/dunning/arrangements/reject-arrangement-action.ts#rejectArrangementAction":
    staff("billing:charge"),
  "app/portal/arrangement/propose-arrangement-action.ts#proposeArrangementAction": {
    who: "customer",
  },
  "app/admin/dunning/policy/add-holiday-action.ts#addHolidayAction": staff("settings:write"),
  "app/admin/dunning/policy/remove-holiday-action.ts#removeHolidayAction": staff("settings:write"),
  "app/admin/payments/new/record-payment-action.ts#recordPaymentAction": staff("payments:write"),
  "app/admin/settings/payment-rails/register-rail-callbacks-action.ts#registerRailCallbacksAction":
    staff("settings:write"),
  "app/admin/settings/payment-rails/save-mpesa-settings-action.ts#saveMpesaSettingsAction":
    staff("settings:write"),
  "app/admin/settings/payment-rails/save-pix-settings-action.ts#savePixSettingsAction":
    staff("settings:write"),
  "app/admin/settings/payment-rails/test-rail-connection-action.ts#testRailConnectionAction":
    staff("settings:write"),
  "app/admin/bank/create-batch-action.ts#createBatchAction": staff("banking:write"),
  "app/admin/bank/change-batch-status-action.ts#changeBatchStatusAction": staff("banking:write"),
  "app/admin/bank/imports/upload-bank-file-action.ts#uploadBankFileAction": staff("banking:write"),
  "app/admin/bank/cnab/upload-cnab-return-action.ts#uploadCnabReturnAction": staff("banking:write"),
  "app/admin/bank/imports/[id]/confirm-held-file-action.ts#confirmHeldFileAction":
    staff("banking:write"),
  "app/admin/bank/imports/[id]/map-csv-action.ts#mapCsvAction": staff("banking:write"),
  "app/admin/bank/review/resolve-entry-action.ts#resolveEntryAction": staff("payments:write"),
  "app/admin/settings/update-legal-page-action.ts#updateLegalPageAction": staff("settings:write"),
  "app/admin/settings/remove-demo-data-action.ts#removeDemoDataAction": staff("settings:write"),
  "app/admin/settings/update-settings-action.ts#updateSettingsAction": staff("settings:write"),
  "app/admin/tickets/[id]/reply-ticket-action.ts#replyTicketAction": staff("tickets:write"),
  "app/admin/tickets/[id]/update-ticket-action.ts#updateTicketAction": staff("tickets:write"),
  "app/admin/tickets/new/open-ticket-action.ts#openTicketAction": staff("tickets:write"),
  "app/portal/support/new/open-support-ticket-action.ts#openSupportTicketAction": {
    who: "customer",
  },
  "app/portal/support/[id]/reply-support-ticket-action.ts#replySupportTicketAction": {
    who: "customer",
  },
  "app/admin/users/change-user-role-action.ts#changeUserRoleAction": staff("users:write"),
  "app/admin/users/create-staff-user-action.ts#createStaffUserAction": staff("users:write"),
  "app/admin/users/set-user-active-action.ts#setUserActiveAction": staff("users:write"),
  "app/admin/webhooks/[id]/delete-webhook-endpoint-action.ts#deleteWebhookEndpointAction": staff(
    "webhooks:write",
    formOnly,
  ),
  "app/admin/webhooks/[id]/retry-webhook-delivery-action.ts#retryWebhookDeliveryAction": staff(
    "webhooks:write",
    formOnly,
  ),
  "app/admin/webhooks/[id]/set-webhook-endpoint-active-action.ts#setWebhookEndpointActiveAction":
    staff("webhooks:write", formOnly),
  "app/admin/webhooks/create-webhook-endpoint-action.ts#createWebhookEndpointAction":
    staff("webhooks:write"),
};

/**
 * How an action called with empty input may end for `p`: sent to sign in, sent to its own
 * surface, refused (FORBIDDEN), or let through to validation and the use case ("allowed").
 */
export type ActionClass = "signin" | "portal" | "admin" | "forbidden" | "allowed";

export function expectAction(rule: ActionRule, p: Knocker): ActionClass {
  const session = p.kind === "customer" || p.kind === "staff";
  switch (rule.who) {
    case "public":
      return "allowed";
    case "signed-in":
      return session ? "allowed" : "signin";
    case "customer":
      return !session ? "signin" : p.kind === "staff" ? "admin" : "allowed";
    case "staff":
      if (!session) return "signin";
      if (p.kind === "customer") return "portal";
      return holds(p, rule.permission) ? "allowed" : "forbidden";
  }
}
