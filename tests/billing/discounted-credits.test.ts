// Credits for unused days give back what the period's invoice charged, discount included, across
// billing runs (the discount was applied by an earlier run); fixed clock.
import { afterEach, beforeAll, describe, expect, test } from "vitest";
import { db } from "@/lib/db";
import { SYSTEM } from "@/lib/auth/roles";
import { runBilling } from "@/lib/billing/run-billing";
import { changePlan } from "@/lib/subscriptions/change-plan";
import { cancelSubscription } from "@/lib/subscriptions/cancel-subscription";
import { suspendSubscription } from "@/lib/subscriptions/suspend-subscription";
import { setClock } from "@/lib/time/clock";
import { createCustomer, createProduct, createSubscription, setupIsp, travelTo } from "./fixtures";

let vatId = "";
beforeAll(async () => {
  vatId = (await setupIsp()).vat.id;
});
afterEach(() => setClock(undefined));

const linesOf = async (invoiceId: string) =>
  (await db.invoiceLine.findMany({ where: { invoiceId }, orderBy: { sortOrder: "asc" } })).map(
    (l) => [l.kind, l.periodStart?.toISOString().slice(0, 10) ?? null, l.totalAmount],
  );
const bill = async (date: string) => {
  travelTo(date);
  return runBilling({ asOf: date, actor: SYSTEM });
};

// April 2026 has 30 days; R300.00 a month; the action on 21 Apr leaves 10 unused days.
const DISCOUNTS = [
  { name: "none", discount: null, credit: -10000 },
  {
    name: "20 %",
    discount: { kind: "PERCENT" as const, percent: "20", amount: null },
    credit: -8000,
  },
  {
    name: "fixed R50",
    discount: { kind: "FIXED" as const, percent: null, amount: 5000 },
    credit: -8333,
  },
];

async function discountedSubscription(discount: (typeof DISCOUNTS)[number]["discount"]) {
  const p = await createProduct({ taxClassId: vatId, price: 30000 });
  const c = await createCustomer();
  const sub = await createSubscription({ customerId: c.id, product: p, startDate: "2026-04-01" });
  if (discount)
    await db.discount.create({
      data: { subscriptionId: sub.id, ...discount, description: "Loyalty" },
    });
  await bill("2026-04-01");
  return { c, sub };
}

describe("credits for unused days follow the discounted charge", () => {
  test.each(DISCOUNTS)("immediate cancellation, discount $name", async ({ discount, credit }) => {
    const { sub } = await discountedSubscription(discount);
    travelTo("2026-04-21");
    const res = await cancelSubscription({
      subscriptionId: sub.id,
      mode: "IMMEDIATE",
      actor: SYSTEM,
    });
    expect(await linesOf(res.invoiceIds[0])).toEqual([
      ["CANCELLATION_CREDIT", "2026-04-21", credit],
    ]);
  });

  test.each(DISCOUNTS)(
    "upgrade mid-period, discount $name: the new plan's days are charged in full",
    async ({ discount, credit }) => {
      const { sub } = await discountedSubscription(discount);
      const fast = await createProduct({ taxClassId: vatId, price: 60000 });
      travelTo("2026-04-21");
      const up = await changePlan({ subscriptionId: sub.id, toProductId: fast.id, actor: SYSTEM });
      expect(await linesOf(up.invoiceIds[0])).toEqual([
        ["PRORATION_CREDIT", "2026-04-21", credit],
        ["PRORATION_CHARGE", "2026-04-21", 20000],
      ]);
      // Cancelled later in the same period: those days were charged undiscounted on the new plan.
      travelTo("2026-04-26");
      const res = await cancelSubscription({
        subscriptionId: sub.id,
        mode: "IMMEDIATE",
        actor: SYSTEM,
      });
      expect(await linesOf(res.invoiceIds[0])).toEqual([
        ["CANCELLATION_CREDIT", "2026-04-26", -10000],
      ]);
    },
  );

  test.each(DISCOUNTS)(
    "SKIP suspension from 21 Apr, discount $name: credited on the May invoice",
    async ({ discount, credit }) => {
      await db.ispSettings.update({ where: { id: 1 }, data: { suspensionBilling: "SKIP" } });
      try {
        const { c, sub } = await discountedSubscription(discount);
        travelTo("2026-04-21");
        await suspendSubscription({ subscriptionId: sub.id, actor: SYSTEM });
        await bill("2026-05-01");
        const may = await db.invoice.findFirstOrThrow({
          where: { customerId: c.id, issueDate: new Date("2026-05-01") },
        });
        expect((await linesOf(may.id))[0]).toEqual(["SUSPENSION_CREDIT", "2026-04-21", credit]);
      } finally {
        await db.ispSettings.update({ where: { id: 1 }, data: { suspensionBilling: "CONTINUE" } });
      }
    },
  );
});

test("a subscription without a locked setup fee (created before the field) bills the product's", async () => {
  const p = await createProduct({ taxClassId: vatId, price: 30000, setupFee: 45000 });
  const c = await createCustomer();
  await createSubscription({ customerId: c.id, product: p, startDate: "2026-04-01" });
  await bill("2026-04-01");
  const inv = await db.invoice.findFirstOrThrow({ where: { customerId: c.id } });
  expect(await linesOf(inv.id)).toEqual([
    ["RECURRING", "2026-04-01", 30000],
    ["SETUP", "2026-04-01", 45000],
  ]);
});
