// The portal's usage: a customer sees each live service's days and month to date against the
// plan's cap — and nobody else's.
import { expect, test } from "vitest";
import { db } from "@/lib/db";
import { toDbDate } from "@/lib/time/dates";
import { getCustomerUsage } from "@/lib/usage/get-customer-usage";
import {
  createCustomer,
  createProduct,
  createSubscription,
  setupIsp,
  travelTo,
} from "../billing/fixtures";

test("month to date against the cap, the last 30 days, own services only", async () => {
  const { vat } = await setupIsp();
  travelTo("2026-11-03");
  const plan = await createProduct({ taxClassId: vat.id, name: "Fibre 20 capped", dataCapGb: 100 });
  const c = await createCustomer();
  const sub = await createSubscription({
    customerId: c.id,
    product: plan,
    startDate: "2026-10-01",
  });
  for (const [date, down] of [
    ["2026-10-31", 5e9],
    ["2026-11-01", 2e9],
    ["2026-11-03", 1e9],
  ] as const)
    await db.usageDaily.create({
      data: {
        subscriptionId: sub.id,
        date: toDbDate(date),
        downloadBytes: BigInt(down),
        uploadBytes: 1000n,
      },
    });
  const actor = {
    kind: "user" as const,
    id: "u1",
    role: "CUSTOMER" as const,
    name: "C",
    customerId: c.id,
  };
  const [usage] = await getCustomerUsage({ actor, customerId: c.id });
  expect(usage).toMatchObject({
    subscriptionId: sub.id,
    planName: "Fibre 20 capped",
    capBytes: 100e9,
    monthToDate: { downloadBytes: 3e9, uploadBytes: 2000 },
  });
  expect(usage.days).toHaveLength(30);
  expect(usage.days.at(-1)).toEqual({ date: "2026-11-03", downloadBytes: 1e9, uploadBytes: 1000 });
  expect(usage.days.find((d) => d.date === "2026-10-31")?.downloadBytes).toBe(5e9);

  const other = await createCustomer();
  await expect(getCustomerUsage({ actor, customerId: other.id })).rejects.toMatchObject({
    code: "NOT_FOUND",
  });
});
