// Authorization lives in lib: calling a service directly, without any page in between, still
// refuses what the role may not do.
import { beforeAll, describe, expect, test } from "vitest";
import { getDashboardSummary } from "@/lib/reports/get-dashboard-summary";
import { getCustomerOverview } from "@/lib/customers/get-customer-overview";
import { can, ROLE_PERMISSIONS, type Permission } from "@/lib/auth/roles";
import { createTestIsp, createUserActor } from "../support/fixtures";

beforeAll(() => createTestIsp());

describe("role matrix", () => {
  test.each<[string, Permission, string[]]>([
    ["unmasked bank details", "customers:read_bank_details", ["ADMIN", "ACCOUNTS"]],
    ["billing runs", "billing:run", ["ADMIN", "ACCOUNTS"]],
    ["settings", "settings:write", ["ADMIN"]],
    ["order activation", "orders:activate", ["ADMIN", "TECHNICIAN"]],
    ["the catalogue", "catalog:write", ["ADMIN", "SALES"]],
  ])("only the right staff may touch %s", (_what, permission, roles) => {
    const allowed = Object.entries(ROLE_PERMISSIONS)
      .filter(([, perms]) => perms.includes(permission))
      .map(([r]) => r);
    expect(allowed.sort()).toEqual(roles.sort());
  });
});

describe("services check the actor themselves", () => {
  test("the dashboard shows revenue only to roles with financial access, and nothing to customers", async () => {
    const admin = await createUserActor("ADMIN");
    const tech = await createUserActor("TECHNICIAN");
    const customer = await createUserActor("CUSTOMER");
    expect((await getDashboardSummary({ actor: admin })).mrr).toBe(0);
    expect((await getDashboardSummary({ actor: tech })).mrr).toBeNull();
    await expect(getDashboardSummary({ actor: customer })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  test("a customer reads their own account and not another's; staff read any", async () => {
    const alice = await createUserActor("CUSTOMER");
    const bob = await createUserActor("CUSTOMER");
    const support = await createUserActor("SUPPORT");
    expect((await getCustomerOverview({ actor: alice, customerId: alice.customerId! })).id).toBe(
      alice.customerId,
    );
    await expect(
      getCustomerOverview({ actor: alice, customerId: bob.customerId! }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect((await getCustomerOverview({ actor: support, customerId: bob.customerId! })).id).toBe(
      bob.customerId,
    );
    expect(can(support, "customers:write")).toBe(false);
  });
});
