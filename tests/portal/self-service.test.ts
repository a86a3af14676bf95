// Portal self-service on the real database: a subscriber previews and changes plan, previews and
// gives notice of cancellation, adds an add-on, and sees the next invoice estimated — each through
// the lib use case with the customer as the actor (authorization inside lib).
import { afterEach, beforeAll, describe, expect, test } from "vitest";
import { db } from "@/lib/db";
import { SYSTEM, type Actor } from "@/lib/auth/roles";
import { runBilling } from "@/lib/billing/run-billing";
import { changePlan } from "@/lib/subscriptions/change-plan";
import { cancelSubscription } from "@/lib/subscriptions/cancel-subscription";
import { previewPlanChange } from "@/lib/subscriptions/preview-plan-change";
import { previewCancellation } from "@/lib/subscriptions/preview-cancellation";
import { addAddon } from "@/lib/subscriptions/add-addon";
import { createSubscription as startSubscription } from "@/lib/subscriptions/create-subscription";
import { estimateNextInvoice } from "@/lib/billing/estimate-next-invoice";
import { listMyServices } from "@/lib/portal/list-my-services";
import { setClock } from "@/lib/time/clock";
import {
  createCustomer,
  createProduct,
  createSubscription,
  setupIsp,
  travelTo,
} from "../billing/fixtures";

let vatId = "";
beforeAll(async () => {
  vatId = (await setupIsp()).vat.id;
});
afterEach(() => setClock(undefined));

const customerActor = (customerId: string): Actor => ({
  kind: "user",
  id: `u-${customerId}`,
  role: "CUSTOMER",
  name: "Subscriber",
  customerId,
});
const bill = async (date: string) => {
  travelTo(date);
  return runBilling({ asOf: date, actor: SYSTEM });
};
const code = (p: Promise<unknown>) =>
  p.then(
    () => "ok",
    (e: { code?: string }) => e.code,
  );

async function subscriber(plan: Parameters<typeof createSubscription>[0]["product"]) {
  const c = await createCustomer();
  const sub = await createSubscription({
    customerId: c.id,
    product: plan,
    startDate: "2026-04-01",
  });
  await bill("2026-04-01");
  return { c, sub, me: customerActor(c.id) };
}

describe("change plan from the portal", () => {
  test("the upgrade preview is the invoice the change then issues, and the preview writes nothing", async () => {
    const basic = await createProduct({ taxClassId: vatId, price: 30000 });
    const fast = await createProduct({ taxClassId: vatId, price: 60000 });
    const { c, sub, me } = await subscriber(basic);
    const series = await db.numberSeries.findMany({ orderBy: { code: "asc" } });

    travelTo("2026-04-11");
    const preview = await previewPlanChange({
      actor: me,
      subscriptionId: sub.id,
      toProductId: fast.id,
    });
    expect(preview).toMatchObject({ kind: "upgrade", effectiveDate: "2026-04-11", dueNow: 20000 });
    expect(preview.lines.map((l) => [l.kind, l.totalAmount])).toEqual([
      ["PRORATION_CREDIT", -20000],
      ["PRORATION_CHARGE", 40000],
    ]);
    // Rolled back: no invoice, no pending change, no audit row, numbering untouched.
    expect(await db.invoice.count({ where: { customerId: c.id } })).toBe(1);
    expect(await db.planChange.count({ where: { subscriptionId: sub.id } })).toBe(0);
    expect(await db.auditLog.count({ where: { entityId: sub.id } })).toBe(0);
    expect(await db.numberSeries.findMany({ orderBy: { code: "asc" } })).toEqual(series);

    const done = await changePlan({ actor: me, subscriptionId: sub.id, toProductId: fast.id });
    const inv = await db.invoice.findUniqueOrThrow({ where: { id: done.invoiceIds[0] } });
    expect(inv.total).toBe(preview.dueNow);
    expect((await db.subscription.findUniqueOrThrow({ where: { id: sub.id } })).productId).toBe(
      fast.id,
    );
  });

  test("a downgrade waits for the period end with nothing to pay now", async () => {
    const basic = await createProduct({ taxClassId: vatId, price: 30000 });
    const fast = await createProduct({ taxClassId: vatId, price: 60000 });
    const { sub, me } = await subscriber(fast);
    travelTo("2026-04-20");
    const preview = await previewPlanChange({
      actor: me,
      subscriptionId: sub.id,
      toProductId: basic.id,
    });
    expect(preview).toMatchObject({
      kind: "downgrade",
      effectiveDate: "2026-05-01",
      dueNow: 0,
      lines: [],
    });
    await changePlan({ actor: me, subscriptionId: sub.id, toProductId: basic.id });
    const [svc] = await listMyServices({ actor: me, customerId: sub.customerId });
    expect(svc.pendingChange).toEqual({ to: basic.name, effectiveDate: "2026-05-01" });
  });

  test("another customer learns nothing; a subscriber cannot date a change", async () => {
    const basic = await createProduct({ taxClassId: vatId, price: 30000 });
    const fast = await createProduct({ taxClassId: vatId, price: 60000 });
    const { sub, me } = await subscriber(basic);
    const stranger = customerActor((await createCustomer()).id);
    travelTo("2026-04-11");
    const input = { subscriptionId: sub.id, toProductId: fast.id };
    expect(await code(previewPlanChange({ actor: stranger, ...input }))).toBe("NOT_FOUND");
    expect(await code(changePlan({ actor: stranger, ...input }))).toBe("NOT_FOUND");
    expect(await code(changePlan({ actor: me, ...input, effectiveDate: "2026-04-12" }))).toBe(
      "FORBIDDEN",
    );
    expect(
      await code(cancelSubscription({ actor: me, subscriptionId: sub.id, mode: "IMMEDIATE" })),
    ).toBe("FORBIDDEN");
  });
});

describe("cancel from the portal", () => {
  test("the preview shows the last day under the notice period and the termination fee the final invoice charges", async () => {
    const plan = await createProduct({
      taxClassId: vatId,
      price: 30000,
      noticeDays: 30,
      contractMonths: 12,
      earlyTerminationPercent: 50,
    });
    const c = await createCustomer();
    const sub = await createSubscription({
      customerId: c.id,
      product: plan,
      startDate: "2026-04-01",
      contractEndDate: "2027-04-01",
    });
    await bill("2026-04-01");
    travelTo("2026-04-10");
    const me = customerActor(c.id);
    const preview = await previewCancellation({ actor: me, subscriptionId: sub.id });
    // Notice from 10 April runs to 10 May: the service ends at the first period end after it.
    expect(preview).toMatchObject({
      cancelAt: "2026-06-01",
      lastDay: "2026-05-31",
      noticeDays: 30,
      contractEndDate: "2027-04-01",
      terminationFee: 150000, // 10 months left × R300 × 50 %
    });
    expect((await db.subscription.findUniqueOrThrow({ where: { id: sub.id } })).cancelAt).toBe(
      null,
    );

    const done = await cancelSubscription({ actor: me, subscriptionId: sub.id });
    expect(done.cancelAt).toBe(preview.cancelAt);
    await bill("2026-05-01");
    await bill("2026-06-01");
    const fee = await db.invoiceLine.findFirstOrThrow({
      where: { subscriptionId: sub.id, kind: "TERMINATION_FEE" },
    });
    expect(fee.totalAmount).toBe(preview.terminationFee);
  });
});

describe("add-ons and the next invoice", () => {
  test("a subscriber adds a recurring add-on once; a new plan goes through an order", async () => {
    const plan = await createProduct({ taxClassId: vatId, price: 30000 });
    const ip = await createProduct({ taxClassId: vatId, price: 5000, kind: "ADDON" });
    const { c, sub, me } = await subscriber(plan);
    travelTo("2026-04-15");
    const addon = await addAddon({ actor: me, subscriptionId: sub.id, productId: ip.id });
    expect(addon).toMatchObject({ parentId: sub.id, status: "ACTIVE" });
    expect(await code(addAddon({ actor: me, subscriptionId: sub.id, productId: ip.id }))).toBe(
      "CONFLICT",
    );
    expect(
      await code(
        startSubscription({
          actor: me,
          input: { customerId: c.id, productId: plan.id, startDate: "2026-04-15" },
        }),
      ),
    ).toBe("FORBIDDEN");
    const [svc] = await listMyServices({ actor: me, customerId: c.id });
    expect(svc.addons.map((a) => a.name)).toEqual([ip.name]);

    // The add-on is due now (from 15 April, prorated to the plan's period); the plan on 1 May.
    const next = await estimateNextInvoice({ actor: me, customerId: c.id });
    expect(next?.date).toBe("2026-04-15");
    expect(next?.total).toBe(2667); // R50 × 16/30 days
  });

  test("the estimate is the plan's next period when nothing else is due", async () => {
    const plan = await createProduct({ taxClassId: vatId, price: 30000 });
    const { c, me } = await subscriber(plan);
    travelTo("2026-04-20");
    expect(await estimateNextInvoice({ actor: me, customerId: c.id })).toMatchObject({
      date: "2026-05-01",
      total: 30000,
    });
  });
});
