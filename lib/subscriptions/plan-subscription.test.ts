import Decimal from "decimal.js";
import { describe, expect, test } from "vitest";
import { planSubscription } from "./plan-subscription";
import type { PlanInput, SubscriptionState } from "@/lib/billing/types";
import { roundHalfUp } from "@/lib/money/round";
import type { DiscountSpec } from "@/lib/billing/discounts";

const base: SubscriptionState = {
  id: "sub1",
  customerId: "c1",
  status: "ACTIVE",
  productId: "p1",
  productName: "Fibre 50",
  price: 30000,
  quantity: 1,
  interval: "MONTH",
  cycleMode: "ANNIVERSARY",
  anchorDay: 31,
  startDate: "2026-01-31",
  billedThrough: null,
  nextBillDate: "2026-01-31",
  contractEndDate: null,
  cancelAt: null,
  taxRate: "15",
  setupFee: 0,
  earlyTerminationPercent: 0,
};
const plan = (over: Partial<Omit<PlanInput, "sub">> & { sub?: Partial<SubscriptionState> }) =>
  planSubscription({
    asOf: "2026-01-31",
    planChanges: [],
    discounts: [],
    suspensions: [],
    creditSuspensions: false,
    ...over,
    sub: { ...base, ...over.sub },
  });
const summary = (r: ReturnType<typeof plan>) =>
  r.lines.map((l) => [l.kind, l.periodStart, l.periodEnd, roundHalfUp(l.amount)]);

describe("recurring charges in advance", () => {
  test("bills one period on its first day, nothing before it", () => {
    expect(summary(plan({ asOf: "2026-01-30" }))).toEqual([]);
    const r = plan({});
    expect(summary(r)).toEqual([["RECURRING", "2026-01-31", "2026-02-28", 30000]]);
    expect(r.sub.nextBillDate).toBe("2026-02-28");
  });

  test("catches up every missed period in order", () => {
    const r = plan({ asOf: "2026-04-29" });
    expect(summary(r).map((l) => l[1])).toEqual(["2026-01-31", "2026-02-28", "2026-03-31"]);
    expect(r.sub.billedThrough).toBe("2026-04-30");
  });

  test("calendar mode prorates the first partial month by days", () => {
    const r = plan({
      asOf: "2026-02-01",
      sub: {
        cycleMode: "CALENDAR",
        anchorDay: 1,
        startDate: "2026-01-15",
        nextBillDate: "2026-01-15",
        price: 31000,
      },
    });
    expect(summary(r)).toEqual([
      ["RECURRING", "2026-01-15", "2026-02-01", 17000],
      ["RECURRING", "2026-02-01", "2026-03-01", 31000],
    ]);
  });

  test("calendar proration rounds half-up once per line", () => {
    // 29 900 × 17 / 31 = 16 396.77… → 16 397
    const r = plan({
      asOf: "2026-01-15",
      sub: {
        cycleMode: "CALENDAR",
        anchorDay: 1,
        startDate: "2026-01-15",
        nextBillDate: "2026-01-15",
        price: 29900,
      },
    });
    expect(summary(r)).toEqual([["RECURRING", "2026-01-15", "2026-02-01", 16397]]);
  });

  test("the setup fee comes with the first period only", () => {
    const r = plan({ asOf: "2026-02-28", sub: { setupFee: 99900 } });
    expect(summary(r)).toEqual([
      ["RECURRING", "2026-01-31", "2026-02-28", 30000],
      ["SETUP", "2026-01-31", null, 99900],
      ["RECURRING", "2026-02-28", "2026-03-31", 30000],
    ]);
  });
});

describe("plan changes", () => {
  const billedApril: Partial<SubscriptionState> = {
    startDate: "2026-01-01",
    anchorDay: 1,
    billedThrough: "2026-05-01",
    nextBillDate: "2026-05-01",
  };
  const toProduct = (price: number) => ({
    id: "p2",
    name: "Fibre 100",
    price,
    interval: "MONTH" as const,
    taxRate: "15",
    earlyTerminationPercent: 0,
  });

  test("an upgrade on 11 April credits 20 unused days of the old plan and charges 20 days of the new one", () => {
    const r = plan({
      asOf: "2026-04-11",
      sub: billedApril,
      planChanges: [{ id: "pc", effectiveDate: "2026-04-11", toProduct: toProduct(60000) }],
    });
    expect(summary(r)).toEqual([
      ["PRORATION_CREDIT", "2026-04-11", "2026-05-01", -20000],
      ["PRORATION_CHARGE", "2026-04-11", "2026-05-01", 40000],
    ]);
    expect(r.sub.price).toBe(60000);
    expect(r.appliedPlanChangeIds).toEqual(["pc"]);
  });

  test("a downgrade takes effect at the period end with no credit", () => {
    const r = plan({
      asOf: "2026-05-01",
      sub: billedApril,
      planChanges: [{ id: "pc", effectiveDate: "2026-05-01", toProduct: toProduct(20000) }],
    });
    expect(summary(r)).toEqual([["RECURRING", "2026-05-01", "2026-06-01", 20000]]);
  });

  test("a change dated in the future waits", () => {
    const r = plan({
      asOf: "2026-04-30",
      sub: billedApril,
      planChanges: [{ id: "pc", effectiveDate: "2026-05-01", toProduct: toProduct(20000) }],
    });
    expect(r.lines).toEqual([]);
    expect(r.appliedPlanChangeIds).toEqual([]);
  });
});

describe("cancellation", () => {
  const contract: Partial<SubscriptionState> = {
    startDate: "2026-01-01",
    anchorDay: 1,
    billedThrough: "2026-05-01",
    nextBillDate: "2026-05-01",
    contractEndDate: "2027-01-01",
    earlyTerminationPercent: 50,
  };

  test("at period end: no further charge, cancelled on the end date", () => {
    const r = plan({
      asOf: "2026-06-01",
      sub: { ...contract, contractEndDate: null, cancelAt: "2026-05-01" },
    });
    expect(r.lines).toEqual([]);
    expect(r.sub.status).toBe("CANCELLED");
  });

  test("immediately on 21 April: 10 unused days credited", () => {
    const r = plan({
      asOf: "2026-04-21",
      sub: { ...contract, contractEndDate: null, cancelAt: "2026-04-21" },
    });
    expect(summary(r)).toEqual([["CANCELLATION_CREDIT", "2026-04-21", "2026-05-01", -10000]]);
  });

  test("inside the contract term: remaining months × monthly price × percentage", () => {
    // 21 Apr → 1 Jan 2027 is 8 whole months and a started one: 9 × 300.00 × 50 % = 1 350.00
    const r = plan({ asOf: "2026-04-21", sub: { ...contract, cancelAt: "2026-04-21" } });
    expect(summary(r)).toEqual([
      ["CANCELLATION_CREDIT", "2026-04-21", "2026-05-01", -10000],
      ["TERMINATION_FEE", "2026-04-21", "2027-01-01", 135000],
    ]);
  });

  test("at period end inside the term still owes the fee; after the term none", () => {
    expect(
      summary(plan({ asOf: "2026-05-01", sub: { ...contract, cancelAt: "2026-05-01" } })),
    ).toEqual([["TERMINATION_FEE", "2026-05-01", "2027-01-01", 120000]]);
    expect(
      plan({
        asOf: "2027-01-01",
        sub: {
          ...contract,
          billedThrough: "2027-01-01",
          nextBillDate: "2027-01-01",
          cancelAt: "2027-01-01",
        },
      }).lines,
    ).toEqual([]);
  });
});

describe("suspension", () => {
  const sub: Partial<SubscriptionState> = {
    startDate: "2026-04-01",
    anchorDay: 1,
    billedThrough: "2026-05-01",
    nextBillDate: "2026-05-01",
    status: "SUSPENDED",
  };
  const suspensions = [
    { id: "s1", startDate: "2026-04-10", endDate: "2026-04-20", creditedThrough: null },
  ];

  test("policy SKIP credits the suspended days on the next invoice", () => {
    const r = plan({ asOf: "2026-05-01", sub, suspensions, creditSuspensions: true });
    expect(summary(r)).toEqual([
      ["SUSPENSION_CREDIT", "2026-04-10", "2026-04-20", -10000],
      ["RECURRING", "2026-05-01", "2026-06-01", 30000],
    ]);
    expect(r.suspensionCredits).toEqual([
      { id: "s1", creditedThrough: "2026-04-20", closed: true },
    ]);
  });

  test("policy CONTINUE keeps billing and credits nothing", () => {
    expect(
      summary(plan({ asOf: "2026-05-01", sub, suspensions, creditSuspensions: false })),
    ).toEqual([["RECURRING", "2026-05-01", "2026-06-01", 30000]]);
  });

  test("an open suspension is credited up to each bill date, never twice", () => {
    const open = [{ id: "s1", startDate: "2026-04-21", endDate: null, creditedThrough: null }];
    const first = plan({ asOf: "2026-05-01", sub, suspensions: open, creditSuspensions: true });
    expect(summary(first)[0]).toEqual(["SUSPENSION_CREDIT", "2026-04-21", "2026-05-01", -10000]);
    // Resumed on 11 May: the next bill credits 1–11 May only.
    const resumed = [
      { id: "s1", startDate: "2026-04-21", endDate: "2026-05-11", creditedThrough: "2026-05-01" },
    ];
    const second = plan({
      asOf: "2026-06-01",
      sub: { ...sub, billedThrough: "2026-06-01", nextBillDate: "2026-06-01" },
      suspensions: resumed,
      creditSuspensions: true,
    });
    expect(summary(second)[0]).toEqual(["SUSPENSION_CREDIT", "2026-05-01", "2026-05-11", -9677]); // 30 000 × 10/31
  });
});

describe("discounts", () => {
  const d = (over: Partial<DiscountSpec>): DiscountSpec => ({
    id: "d1",
    kind: "PERCENT",
    percent: "10",
    amount: null,
    cycles: 2,
    cyclesUsed: 0,
    description: "Welcome",
    ...over,
  });

  test("a percentage for two cycles expires on the third", () => {
    const r = plan({ asOf: "2026-03-31", discounts: [d({})] });
    expect(summary(r)).toEqual([
      ["RECURRING", "2026-01-31", "2026-02-28", 30000],
      ["DISCOUNT", "2026-01-31", "2026-02-28", -3000],
      ["RECURRING", "2026-02-28", "2026-03-31", 30000],
      ["DISCOUNT", "2026-02-28", "2026-03-31", -3000],
      ["RECURRING", "2026-03-31", "2026-04-30", 30000],
    ]);
    expect(r.discountUses.get("d1")).toBe(2);
  });

  test("a fixed discount forever never takes the charge below zero", () => {
    const r = plan({
      discounts: [d({ kind: "FIXED", percent: null, amount: 50000, cycles: null })],
    });
    expect(summary(r)).toEqual([
      ["RECURRING", "2026-01-31", "2026-02-28", 30000],
      ["DISCOUNT", "2026-01-31", "2026-02-28", -30000],
    ]);
  });
});

describe("credits follow what was charged, discount included", () => {
  // April 2026 (30 days) billed on 1 Apr at 300.00 less the discount; credits for 21 Apr → 1 May (10 days).
  const billed: Partial<SubscriptionState> = {
    startDate: "2026-04-01",
    anchorDay: 1,
    billedThrough: "2026-05-01",
    nextBillDate: "2026-05-01",
  };
  const april = (factor: string) => [
    { start: "2026-04-01", end: "2026-05-01", factor: new Decimal(factor) },
  ];
  const fast = {
    id: "p2",
    name: "Fibre 100",
    price: 60000,
    interval: "MONTH" as const,
    taxRate: "15",
    earlyTerminationPercent: 0,
  };
  const d = (over: Partial<DiscountSpec>): DiscountSpec => ({
    id: "d1",
    kind: "PERCENT",
    percent: "20",
    amount: null,
    cycles: null,
    cyclesUsed: 0,
    description: "Loyalty",
    ...over,
  });

  test.each([
    // what was charged for April (from its invoice) → credit for the 10 unused days
    { name: "no discount", charged: [], credit: -10000 },
    { name: "20 % off: 80 % of 100.00", charged: april("0.8"), credit: -8000 },
    { name: "fixed R50 off: 250.00 × 10/30", charged: april(String(25000 / 30000)), credit: -8333 },
    { name: "100 % off: nothing to give back", charged: april("0"), credit: 0 },
  ])("cancel immediately mid-period, $name", ({ charged, credit }) => {
    const r = plan({ asOf: "2026-04-21", sub: { ...billed, cancelAt: "2026-04-21" }, charged });
    expect(summary(r)).toEqual(
      credit ? [["CANCELLATION_CREDIT", "2026-04-21", "2026-05-01", credit]] : [],
    ); // no zero line
  });

  test.each([
    { name: "20 % off", charged: april("0.8"), credit: -8000 },
    { name: "fixed R50 off", charged: april(String(25000 / 30000)), credit: -8333 },
  ])(
    "upgrade mid-period credits the discounted old plan, charges the new in full ($name)",
    ({ charged, credit }) => {
      const r = plan({
        asOf: "2026-04-21",
        sub: billed,
        charged,
        planChanges: [{ id: "pc1", effectiveDate: "2026-04-21", toProduct: fast }],
      });
      expect(summary(r)).toEqual([
        ["PRORATION_CREDIT", "2026-04-21", "2026-05-01", credit],
        ["PRORATION_CHARGE", "2026-04-21", "2026-05-01", 20000],
      ]);
    },
  );

  test("a cancellation after an upgrade in the same period credits the new plan's undiscounted charge", () => {
    const r = plan({
      asOf: "2026-04-26",
      sub: { ...billed, cancelAt: "2026-04-26" },
      charged: april("0.8"),
      planChanges: [{ id: "pc1", effectiveDate: "2026-04-21", toProduct: fast }],
    });
    expect(summary(r).slice(2)).toEqual([
      ["CANCELLATION_CREDIT", "2026-04-26", "2026-05-01", -10000],
    ]); // 600.00 × 5/30
  });

  test.each([
    { name: "20 % off", charged: april("0.8"), credit: -8000 },
    { name: "fixed R50 off", charged: april(String(25000 / 30000)), credit: -8333 },
  ])("SKIP suspension credits the discounted days ($name)", ({ charged, credit }) => {
    const suspensions = [
      { id: "s1", startDate: "2026-04-21", endDate: null, creditedThrough: null },
    ];
    const r = plan({
      asOf: "2026-05-01",
      sub: billed,
      charged,
      suspensions,
      creditSuspensions: true,
    });
    expect(summary(r)[0]).toEqual(["SUSPENSION_CREDIT", "2026-04-21", "2026-05-01", credit]);
  });

  test("within one run: the period just billed with a discount is credited at what it charged", () => {
    // Billed 1 Apr with 20 % off, cancelled on 21 Apr in the same plan (a late run catching up).
    const r = plan({
      asOf: "2026-04-21",
      sub: {
        startDate: "2026-04-01",
        anchorDay: 1,
        nextBillDate: "2026-04-01",
        cancelAt: "2026-04-21",
      },
      discounts: [d({})],
    });
    expect(summary(r)).toEqual([
      ["RECURRING", "2026-04-01", "2026-05-01", 30000],
      ["DISCOUNT", "2026-04-01", "2026-05-01", -6000],
      ["CANCELLATION_CREDIT", "2026-04-21", "2026-05-01", -8000],
    ]);
  });

  test("a suspension across two periods credits each at its own discount", () => {
    // March (31 days) charged 90 %, April (30 days) charged 80 %: 11 days of March + 10 of April.
    const charged = [
      { start: "2026-03-01", end: "2026-04-01", factor: new Decimal("0.9") },
      ...april("0.8"),
    ];
    const suspensions = [
      { id: "s1", startDate: "2026-03-21", endDate: "2026-04-11", creditedThrough: null },
    ];
    const r = plan({
      asOf: "2026-05-01",
      sub: { ...billed, startDate: "2026-03-01" },
      charged,
      suspensions,
      creditSuspensions: true,
    });
    // 30 000 × 11/31 × 0.9 + 30 000 × 10/30 × 0.8 = 9 580.65 + 8 000
    expect(summary(r)[0]).toEqual(["SUSPENSION_CREDIT", "2026-03-21", "2026-04-11", -17581]);
  });
});
