// Subscription lifecycle through the services on a fixed clock: what lands on invoices.
import { afterEach, beforeAll, describe, expect, test } from "vitest";
import { db } from "@/lib/db";
import { SYSTEM } from "@/lib/auth/roles";
import { runBilling } from "@/lib/billing/run-billing";
import { changePlan } from "@/lib/subscriptions/change-plan";
import { cancelSubscription } from "@/lib/subscriptions/cancel-subscription";
import { suspendSubscription } from "@/lib/subscriptions/suspend-subscription";
import { resumeSubscription } from "@/lib/subscriptions/resume-subscription";
import { createOneOffCharge } from "@/lib/invoices/create-one-off-charge";
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

describe("plan changes through the service", () => {
  test("upgrade mid-cycle: one invoice on the effective date with credit and charge; downgrade waits for period end", async () => {
    const basic = await createProduct({ taxClassId: vatId, price: 30000 });
    const fast = await createProduct({ taxClassId: vatId, price: 60000 });
    const c = await createCustomer();
    const sub = await createSubscription({
      customerId: c.id,
      product: basic,
      startDate: "2026-04-01",
    });
    await bill("2026-04-01");

    travelTo("2026-04-11");
    const up = await changePlan({ subscriptionId: sub.id, toProductId: fast.id, actor: SYSTEM });
    expect(up.kind).toBe("upgrade");
    expect(up.invoiceIds).toHaveLength(1);
    const inv = await db.invoice.findUniqueOrThrow({ where: { id: up.invoiceIds[0] } });
    expect(inv.issueDate.toISOString().slice(0, 10)).toBe("2026-04-11");
    expect(await linesOf(inv.id)).toEqual([
      ["PRORATION_CREDIT", "2026-04-11", -20000],
      ["PRORATION_CHARGE", "2026-04-11", 40000],
    ]);
    expect(inv.total).toBe(20000);

    travelTo("2026-04-20");
    const down = await changePlan({ subscriptionId: sub.id, toProductId: basic.id, actor: SYSTEM });
    expect(down).toMatchObject({ kind: "downgrade", effectiveDate: "2026-05-01", invoiceIds: [] });
    await bill("2026-05-01");
    const may = await db.invoice.findFirstOrThrow({
      where: { customerId: c.id, issueDate: new Date("2026-05-01") },
    });
    expect(await linesOf(may.id)).toEqual([["RECURRING", "2026-05-01", 30000]]);
  });
});

describe("cancellation", () => {
  test("at period end (default): the next run bills nothing and closes the subscription", async () => {
    const p = await createProduct({ taxClassId: vatId });
    const c = await createCustomer();
    const sub = await createSubscription({ customerId: c.id, product: p, startDate: "2026-04-05" });
    await bill("2026-04-05");
    travelTo("2026-04-20");
    expect(await cancelSubscription({ subscriptionId: sub.id, actor: SYSTEM })).toEqual({
      cancelAt: "2026-05-05",
      requestedOn: "2026-04-20",
      invoiceIds: [],
    });
    const run = await bill("2026-05-05");
    expect(await db.invoice.count({ where: { customerId: c.id } })).toBe(1);
    expect(run.subscriptions).toBeGreaterThanOrEqual(1);
    expect((await db.subscription.findUniqueOrThrow({ where: { id: sub.id } })).status).toBe(
      "CANCELLED",
    );
  });

  test("immediately inside a contract term: prorated credit plus early-termination fee on an invoice today", async () => {
    const p = await createProduct({
      taxClassId: vatId,
      price: 30000,
      contractMonths: 12,
      earlyTerminationPercent: 50,
    });
    const c = await createCustomer();
    const sub = await createSubscription({
      customerId: c.id,
      product: p,
      startDate: "2026-04-01",
      contractEndDate: "2027-04-01",
    });
    await bill("2026-04-01");
    travelTo("2026-04-21");
    const res = await cancelSubscription({
      subscriptionId: sub.id,
      mode: "IMMEDIATE",
      actor: SYSTEM,
    });
    expect(res.cancelAt).toBe("2026-04-21");
    // 10 of 30 days back; 21 Apr 2026 → 1 Apr 2027 = 11 months + a started one = 12 × 300.00 × 50 %
    expect(await linesOf(res.invoiceIds[0])).toEqual([
      ["CANCELLATION_CREDIT", "2026-04-21", -10000],
      ["TERMINATION_FEE", "2026-04-21", 180000],
    ]);
    expect((await db.subscription.findUniqueOrThrow({ where: { id: sub.id } })).status).toBe(
      "CANCELLED",
    );
  });

  test("an ISP that does not allow immediate cancellation refuses it", async () => {
    await db.ispSettings.update({ where: { id: 1 }, data: { allowImmediateCancel: false } });
    try {
      const p = await createProduct({ taxClassId: vatId });
      const c = await createCustomer();
      const sub = await createSubscription({
        customerId: c.id,
        product: p,
        startDate: "2026-04-01",
      });
      await bill("2026-04-01");
      await expect(
        cancelSubscription({ subscriptionId: sub.id, mode: "IMMEDIATE", actor: SYSTEM }),
      ).rejects.toMatchObject({ code: "UNPROCESSABLE" });
    } finally {
      await db.ispSettings.update({ where: { id: 1 }, data: { allowImmediateCancel: true } });
    }
  });
});

describe("suspension policies", () => {
  test("SKIP: suspended days are credited on the next invoice; resuming charges nothing twice", async () => {
    await db.ispSettings.update({ where: { id: 1 }, data: { suspensionBilling: "SKIP" } });
    try {
      const p = await createProduct({ taxClassId: vatId, price: 30000 });
      const c = await createCustomer();
      const sub = await createSubscription({
        customerId: c.id,
        product: p,
        startDate: "2026-06-01",
      });
      await bill("2026-06-01");
      travelTo("2026-06-11");
      await suspendSubscription({ subscriptionId: sub.id, actor: SYSTEM });
      travelTo("2026-06-21");
      await resumeSubscription({ subscriptionId: sub.id, actor: SYSTEM });
      await bill("2026-07-01");
      expect(
        await db.invoice.count({ where: { customerId: c.id, issueDate: new Date("2026-07-01") } }),
      ).toBe(1);
      const inv = await db.invoice.findFirstOrThrow({
        where: { customerId: c.id, issueDate: new Date("2026-07-01") },
      });
      expect(await linesOf(inv.id)).toEqual([
        ["SUSPENSION_CREDIT", "2026-06-11", -10000],
        ["RECURRING", "2026-07-01", 30000],
      ]);
      await bill("2026-08-01");
      const aug = await db.invoice.findFirstOrThrow({
        where: { customerId: c.id, issueDate: new Date("2026-08-01") },
      });
      expect(await linesOf(aug.id)).toEqual([["RECURRING", "2026-08-01", 30000]]);
    } finally {
      await db.ispSettings.update({ where: { id: 1 }, data: { suspensionBilling: "CONTINUE" } });
    }
  });

  test("CONTINUE: billing goes on while suspended, nothing is credited", async () => {
    const p = await createProduct({ taxClassId: vatId, price: 30000 });
    const c = await createCustomer();
    const sub = await createSubscription({ customerId: c.id, product: p, startDate: "2026-06-01" });
    await bill("2026-06-01");
    travelTo("2026-06-11");
    await suspendSubscription({ subscriptionId: sub.id, actor: SYSTEM });
    await bill("2026-07-01");
    const inv = await db.invoice.findFirstOrThrow({
      where: { customerId: c.id, issueDate: new Date("2026-07-01") },
    });
    expect(await linesOf(inv.id)).toEqual([["RECURRING", "2026-07-01", 30000]]);
  });
});

describe("one-off charges", () => {
  test("wait for the next invoice, or are invoiced now when asked", async () => {
    const p = await createProduct({ taxClassId: vatId, price: 30000 });
    const c = await createCustomer();
    await createSubscription({ customerId: c.id, product: p, startDate: "2026-06-01" });
    travelTo("2026-05-20");
    const later = await createOneOffCharge({
      customerId: c.id,
      description: "Installation",
      amount: 150000,
      actor: SYSTEM,
    });
    expect(later.invoiceIds).toEqual([]);
    await bill("2026-06-01");
    const june = await db.invoice.findFirstOrThrow({ where: { customerId: c.id } });
    expect(await linesOf(june.id)).toEqual([
      ["RECURRING", "2026-06-01", 30000],
      ["ONE_OFF", null, 150000],
    ]);

    travelTo("2026-06-05");
    const now = await createOneOffCharge({
      customerId: c.id,
      description: "Router",
      amount: 99900,
      quantity: 2,
      invoiceNow: true,
      actor: SYSTEM,
    });
    expect(await linesOf(now.invoiceIds[0])).toEqual([["ONE_OFF", null, 199800]]);
  });

  test("a run paging in small batches bills subscribers and one-off-only customers once each", async () => {
    const p = await createProduct({ taxClassId: vatId, price: 30000 });
    travelTo("2026-07-01");
    const customers = [];
    for (let i = 0; i < 7; i++) {
      const c = await createCustomer();
      customers.push(c.id);
      if (i % 3 === 2)
        await createOneOffCharge({
          customerId: c.id,
          description: "Call-out",
          amount: 45000,
          actor: SYSTEM,
        });
      else await createSubscription({ customerId: c.id, product: p, startDate: "2026-07-01" });
    }
    await runBilling({ asOf: "2026-07-01", actor: SYSTEM, batchSize: 2, concurrency: 1 });
    const invoices = await db.invoice.groupBy({
      by: ["customerId"],
      where: { customerId: { in: customers } },
      _count: true,
    });
    expect(invoices).toHaveLength(7);
    expect(invoices.every((i) => i._count === 1)).toBe(true);
  });
});

describe("invoices held for review", () => {
  test("stay drafts without numbers until the hold passes, then get the next numbers", async () => {
    await db.ispSettings.update({ where: { id: 1 }, data: { invoiceHoldHours: 24 } });
    try {
      const p = await createProduct({ taxClassId: vatId });
      const c = await createCustomer();
      await createSubscription({ customerId: c.id, product: p, startDate: "2026-09-01" });
      await bill("2026-09-01");
      const draft = await db.invoice.findFirstOrThrow({ where: { customerId: c.id } });
      expect(draft).toMatchObject({ status: "DRAFT", number: null });
      expect(await db.ledgerEntry.count({ where: { invoiceId: draft.id } })).toBe(0);
      const { finalizeDueInvoices } = await import("@/lib/invoices/finalize-invoice");
      setClock(new Date("2026-09-01T12:00:00Z"));
      const held = { invoiceId: draft.id, customerId: c.id };
      expect(await finalizeDueInvoices({ actor: SYSTEM })).not.toContainEqual(held);
      setClock(new Date("2026-09-02T08:00:00Z"));
      expect(await finalizeDueInvoices({ actor: SYSTEM })).toContainEqual(held);
      const final = await db.invoice.findUniqueOrThrow({ where: { id: draft.id } });
      expect(final.status).toBe("OPEN");
      expect(final.number).toMatch(/^INV-/);
      expect(await db.ledgerEntry.count({ where: { invoiceId: draft.id } })).toBe(1);
    } finally {
      await db.ispSettings.update({ where: { id: 1 }, data: { invoiceHoldHours: 0 } });
    }
  });
});

describe("the unique key behind immediate actions", () => {
  test("a second upgrade on the same day is refused and changes nothing", async () => {
    const a = await createProduct({ taxClassId: vatId, price: 30000 });
    const b = await createProduct({ taxClassId: vatId, price: 40000 });
    const c3 = await createProduct({ taxClassId: vatId, price: 50000 });
    const c = await createCustomer();
    const sub = await createSubscription({ customerId: c.id, product: a, startDate: "2026-04-01" });
    await bill("2026-04-01");
    travelTo("2026-04-11");
    await changePlan({ subscriptionId: sub.id, toProductId: b.id, actor: SYSTEM });
    await expect(
      changePlan({ subscriptionId: sub.id, toProductId: c3.id, actor: SYSTEM }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await db.subscription.findUniqueOrThrow({ where: { id: sub.id } })).productId).toBe(
      b.id,
    );
    expect(await db.planChange.count({ where: { subscriptionId: sub.id, appliedAt: null } })).toBe(
      0,
    );
  });
});
