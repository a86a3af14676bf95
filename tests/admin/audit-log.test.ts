import { beforeAll, expect, test } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/roles";
import { createIsp } from "@/lib/setup/create-isp";
import { listAuditLog } from "@/lib/audit/list-audit-log";

const admin: Actor = { kind: "user", id: "u1", role: "ADMIN", name: "Ada" };
let customerId: string;

beforeAll(async () => {
  await createIsp({
    name: "Audit ISP",
    country: "ZA",
    currency: "ZAR",
    timeZone: "Africa/Johannesburg",
    taxRate: 15,
    adminName: "Ada",
    adminEmail: "ada@example.test",
    adminPassword: "long-password-1",
  });
  const c = await db.customer.create({
    data: {
      accountNumber: "C000777",
      paymentReference: "C000777",
      firstName: "Lerato",
      lastName: "Mokoena",
      email: "l@example.test",
      currency: "ZAR",
    },
  });
  customerId = c.id;
  // 2026-03-01 00:30 in Johannesburg is 2026-02-28 22:30 UTC: it belongs to 1 March locally.
  const rows = [
    { at: new Date("2026-02-28T21:30:00Z"), action: "auth.sign_in" },
    { at: new Date("2026-02-28T22:30:00Z"), action: "customer.update", customerId },
    { at: new Date("2026-03-01T10:00:00Z"), action: "customer.update", customerId },
    { at: new Date("2026-03-02T10:00:00Z"), action: "auth.sign_in_failed" },
  ];
  for (const r of rows)
    await db.auditLog.create({ data: { ...r, actorType: "USER", actorLabel: "x" } });
  for (let i = 0; i < 120; i++)
    await db.auditLog.create({
      data: {
        at: new Date("2026-04-01T10:00:00Z"),
        action: "api.request",
        actorType: "API_KEY",
        actorLabel: "k",
      },
    });
});

test("pages through everything newest first with a keyset cursor, no entry twice", async () => {
  const seen: string[] = [];
  let before: string | undefined;
  for (let i = 0; i < 10; i++) {
    const page = await listAuditLog({ actor: admin, limit: 50, before });
    seen.push(...page.entries.map((e) => e.id));
    if (!page.nextCursor) break;
    before = page.nextCursor;
  }
  const total = await db.auditLog.count();
  expect(seen).toHaveLength(total);
  expect(new Set(seen).size).toBe(total);
  const asNumbers = seen.map(Number);
  expect([...asNumbers].sort((a, b) => b - a)).toEqual(asNumbers);
});

test("filters by action prefix, by account number, and by days in the ISP's time zone", async () => {
  const auth = await listAuditLog({ actor: admin, action: "auth.sign_in" });
  expect(auth.entries.map((e) => e.action).sort()).toEqual(["auth.sign_in", "auth.sign_in_failed"]);

  const byCustomer = await listAuditLog({ actor: admin, customer: "c000777" });
  expect(byCustomer.customer).toMatchObject({
    id: customerId,
    accountNumber: "C000777",
    name: "Lerato Mokoena",
  });
  expect(byCustomer.entries).toHaveLength(2);
  expect(byCustomer.entries[0].customer).toEqual({
    accountNumber: "C000777",
    name: "Lerato Mokoena",
  });

  const march1 = await listAuditLog({ actor: admin, from: "2026-03-01", to: "2026-03-01" });
  expect(march1.entries.map((e) => e.at.toISOString()).sort()).toEqual([
    "2026-02-28T22:30:00.000Z",
    "2026-03-01T10:00:00.000Z",
  ]);

  expect(await listAuditLog({ actor: admin, customer: "C404" })).toMatchObject({
    entries: [],
    customerNotFound: true,
  });
  await expect(listAuditLog({ actor: admin, from: "2026-02-30" })).rejects.toThrow();
});
