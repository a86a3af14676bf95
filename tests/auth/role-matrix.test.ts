// Every lib service of the admin foundation refuses the roles that lack its permission — in the
// service itself, not only by hiding pages. Allowed roles may still fail for other reasons
// (missing ids, invalid input), but never with FORBIDDEN.
import { beforeAll, describe, expect, test } from "vitest";
import { ROLE_PERMISSIONS, type Actor, type Permission } from "@/lib/auth/roles";
import type { Role } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/errors";
import { createIsp } from "@/lib/setup/create-isp";
import { listAuditLog } from "@/lib/audit/list-audit-log";
import { listMail } from "@/lib/notifications/list-mail";
import { getMail } from "@/lib/notifications/get-mail";
import { getMailAttachment } from "@/lib/notifications/get-mail-attachment";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { listApiKeys } from "@/lib/api-keys/list-api-keys";
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";
import { listStaffUsers } from "@/lib/users/list-staff-users";
import { createStaffUser } from "@/lib/users/create-staff-user";
import { changeUserRole } from "@/lib/users/change-user-role";
import { setUserActive } from "@/lib/users/set-user-active";
import { getEditableSettings } from "@/lib/settings/get-editable-settings";
import { updateSettings } from "@/lib/settings/update-settings";
import { removeDemoData } from "@/lib/settings/remove-demo-data";
import { searchCustomers } from "@/lib/customers/search-customers";
import { getCustomerDetails } from "@/lib/customers/get-customer-details";
import { updateCustomerContact } from "@/lib/customers/update-customer-contact";
import { recordManualPayment } from "@/lib/payments/record-manual-payment";
import { allocatePayment } from "@/lib/payments/allocate-payment";
import { reversePayment } from "@/lib/payments/reverse-payment";
import { applyCustomerCredit } from "@/lib/payments/apply-customer-credit";
import { createWebhookEndpoint } from "@/lib/webhooks/create-webhook-endpoint";
import { listWebhookEndpoints } from "@/lib/webhooks/list-webhook-endpoints";
import { getWebhookEndpoint } from "@/lib/webhooks/get-webhook-endpoint";
import { setWebhookEndpointActive } from "@/lib/webhooks/set-webhook-endpoint-active";
import { deleteWebhookEndpoint } from "@/lib/webhooks/delete-webhook-endpoint";
import { retryWebhookDelivery } from "@/lib/webhooks/retry-webhook-delivery";
import { listNas } from "@/lib/network/list-nas";
import { createNas } from "@/lib/network/create-nas";
import { listSessions } from "@/lib/network/list-sessions";
import { disconnectService } from "@/lib/network/disconnect-service";
import { getServiceCredentials } from "@/lib/network/get-service-credentials";

const ROLES: Role[] = ["ADMIN", "SALES", "ACCOUNTS", "SUPPORT", "TECHNICIAN", "CUSTOMER"];

// Inputs are deliberately invalid or point at nothing, so allowed calls change nothing.
const SERVICES: [string, Permission, (a: Actor) => Promise<unknown>][] = [
  ["listAuditLog", "audit:read", (a) => listAuditLog({ actor: a })],
  ["listMail", "mail:read", (a) => listMail({ actor: a })],
  ["getMail", "mail:read", (a) => getMail({ actor: a, id: "missing.eml" })],
  [
    "getMailAttachment",
    "mail:read",
    (a) => getMailAttachment({ actor: a, id: "missing.eml", index: 0 }),
  ],
  ["createApiKey", "api_keys:write", (a) => createApiKey({ actor: a, name: "", role: "ADMIN" })],
  ["listApiKeys", "api_keys:write", (a) => listApiKeys({ actor: a })],
  ["revokeApiKey", "api_keys:write", (a) => revokeApiKey({ actor: a, id: "missing" })],
  ["listStaffUsers", "users:write", (a) => listStaffUsers({ actor: a })],
  [
    "createStaffUser",
    "users:write",
    (a) => createStaffUser({ actor: a, mode: "invite", name: "", email: "bad", role: "SALES" }),
  ],
  [
    "changeUserRole",
    "users:write",
    (a) => changeUserRole({ actor: a, userId: "missing", role: "SALES" }),
  ],
  [
    "setUserActive",
    "users:write",
    (a) => setUserActive({ actor: a, userId: "missing", active: false }),
  ],
  ["getEditableSettings", "settings:write", (a) => getEditableSettings({ actor: a })],
  ["updateSettings", "settings:write", (a) => updateSettings({ actor: a } as never)],
  ["removeDemoData", "settings:write", (a) => removeDemoData({ actor: a })],
  ["searchCustomers", "customers:read", (a) => searchCustomers({ actor: a, q: "nobody" })],
  [
    "getCustomerDetails",
    "customers:read",
    (a) => getCustomerDetails({ actor: a, customerId: "missing" }),
  ],
  [
    "updateCustomerContact",
    "customers:write",
    (a) => updateCustomerContact({ actor: a, customerId: "missing" } as never),
  ],
  // Payments a customer may read (their own) are checked in tests/payments.
  ["recordManualPayment", "payments:write", (a) => recordManualPayment({ actor: a } as never)],
  ["allocatePayment", "payments:write", (a) => allocatePayment({ actor: a, paymentId: "missing" })],
  [
    "reversePayment",
    "payments:write",
    (a) => reversePayment({ actor: a, paymentId: "missing", reason: "x" }),
  ],
  [
    "applyCustomerCredit",
    "payments:write",
    (a) => applyCustomerCredit({ actor: a, customerId: "missing" }),
  ],
  [
    "createWebhookEndpoint",
    "webhooks:write",
    (a) => createWebhookEndpoint({ actor: a, url: "bad", events: [] }),
  ],
  ["listWebhookEndpoints", "webhooks:write", (a) => listWebhookEndpoints({ actor: a })],
  [
    "getWebhookEndpoint",
    "webhooks:write",
    (a) => getWebhookEndpoint({ actor: a, endpointId: "missing" }),
  ],
  [
    "setWebhookEndpointActive",
    "webhooks:write",
    (a) => setWebhookEndpointActive({ actor: a, endpointId: "missing", active: false }),
  ],
  [
    "deleteWebhookEndpoint",
    "webhooks:write",
    (a) => deleteWebhookEndpoint({ actor: a, endpointId: "missing" }),
  ],
  [
    "retryWebhookDelivery",
    "webhooks:write",
    (a) => retryWebhookDelivery({ actor: a, deliveryId: "missing" }),
  ],
  ["listNas", "network:read", (a) => listNas({ actor: a })],
  ["listSessions", "network:read", (a) => listSessions({ actor: a })],
  ["createNas", "network:write", (a) => createNas({ actor: a, input: {} as never })],
  [
    "disconnectService",
    "network:write",
    (a) => disconnectService({ actor: a, subscriptionId: "missing" }),
  ],
  [
    "getServiceCredentials",
    "network:read_credentials",
    (a) => getServiceCredentials({ actor: a, subscriptionId: "missing" }),
  ],
];

const actors = (role: Role): Actor[] => [
  {
    kind: "user",
    id: `user-${role}`,
    role,
    name: role,
    customerId: role === "CUSTOMER" ? "someone" : null,
  },
  { kind: "api_key", id: `key-${role}`, role, name: role },
];

const forbidden = (e: unknown) => e instanceof AppError && e.code === "FORBIDDEN";

beforeAll(async () => {
  await createIsp({
    name: "Matrix ISP",
    country: "ZA",
    currency: "ZAR",
    timeZone: "UTC",
    taxRate: 15,
    adminName: "Ada Admin",
    adminEmail: "ada@example.test",
    adminPassword: "long-password-1",
  });
});

describe.each(SERVICES)("%s needs %s", (_name, permission, call) => {
  test.each(ROLES)("%s", async (role) => {
    const allowed = ROLE_PERMISSIONS[role].includes(permission);
    for (const actor of actors(role)) {
      const error = await call(actor).then(
        () => null,
        (e: unknown) => e,
      );
      if (allowed)
        expect(forbidden(error), `${role} (${actor.kind}) was refused: ${String(error)}`).toBe(
          false,
        );
      else expect(forbidden(error), `${role} (${actor.kind}) was let through`).toBe(true);
    }
  });
});

test("the matrix itself: only admins manage users, keys, settings, webhooks and read the audit log; only accounts and admins record payments", () => {
  for (const p of [
    "users:write",
    "api_keys:write",
    "settings:write",
    "audit:read",
    "webhooks:write",
  ] as Permission[]) {
    expect(ROLES.filter((r) => ROLE_PERMISSIONS[r].includes(p))).toEqual(["ADMIN"]);
  }
  expect(ROLES.filter((r) => ROLE_PERMISSIONS[r].includes("mail:read"))).toEqual([
    "ADMIN",
    "ACCOUNTS",
    "SUPPORT",
  ]);
  expect(ROLES.filter((r) => ROLE_PERMISSIONS[r].includes("payments:write"))).toEqual([
    "ADMIN",
    "ACCOUNTS",
  ]);
  expect(ROLES.filter((r) => ROLE_PERMISSIONS[r].includes("payments:read"))).toEqual([
    "ADMIN",
    "ACCOUNTS",
    "SUPPORT",
  ]);
  expect(ROLE_PERMISSIONS.CUSTOMER).toEqual([]);
});
