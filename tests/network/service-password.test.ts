// A customer sets their own router (PPPoE) password: FreeRADIUS gets it with the next sync, it
// is stored encrypted, the audit log records the change without it, and nobody else's service
// can be changed.
import { randomBytes } from "node:crypto";
import { beforeAll, expect, test } from "vitest";
import { SYSTEM } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { changeServicePassword } from "@/lib/network/change-service-password";
import { servicePasswordSchema } from "@/lib/network/service-password-schema";
import { syncServices } from "@/lib/network/sync-services";
import {
  createCustomer,
  createProduct,
  createSubscription,
  setupIsp,
  travelTo,
} from "../billing/fixtures";

beforeAll(() => {
  process.env.ENCRYPTION_KEY ??= randomBytes(32).toString("base64");
});

test("the customer's new password reaches radcheck; others' services are out of reach", async () => {
  const { vat } = await setupIsp();
  travelTo("2026-11-10");
  const plan = await createProduct({ taxClassId: vat.id, downloadMbps: 20, uploadMbps: 10 });
  const customer = await createCustomer();
  const sub = await createSubscription({
    customerId: customer.id,
    product: plan,
    startDate: "2026-11-01",
  });
  await syncServices({ actor: SYSTEM, reason: "test" });
  const actor = {
    kind: "user" as const,
    id: "u-c",
    role: "CUSTOMER" as const,
    name: "C",
    customerId: customer.id,
  };

  const { username } = await changeServicePassword({
    actor,
    subscriptionId: sub.id,
    password: "Router!Pass42",
  });
  await syncServices({
    actor: SYSTEM,
    subscriptionIds: [sub.id],
    reason: "credentials",
    verifyValues: true,
  });
  const rows = await db.$queryRawUnsafe<{ value: string }[]>(
    `SELECT value FROM radcheck WHERE username = $1 AND attribute = 'Cleartext-Password'`,
    username,
  );
  expect(rows).toEqual([{ value: "Router!Pass42" }]);
  const stored = await db.subscription.findUniqueOrThrow({ where: { id: sub.id } });
  expect(stored.radiusPassword).not.toContain("Router!Pass42");
  const audit = await db.auditLog.findFirstOrThrow({
    where: { action: "subscription.change_credentials" },
  });
  expect(JSON.stringify(audit.data ?? null)).not.toContain("Router!Pass42");

  const other = await createSubscription({
    customerId: (await createCustomer()).id,
    product: plan,
    startDate: "2026-11-01",
  });
  await expect(
    changeServicePassword({ actor, subscriptionId: other.id, password: "Another!Pass1" }),
  ).rejects.toMatchObject({ code: "NOT_FOUND" });

  for (const password of ["short", "has space in it", "pässwörd-long", "x".repeat(65)])
    expect(servicePasswordSchema.safeParse({ subscriptionId: sub.id, password }).success).toBe(
      false,
    );
});
