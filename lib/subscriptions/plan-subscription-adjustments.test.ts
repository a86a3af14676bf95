// The planner: suspensions, discounts and credits that give back what was charged.
import Decimal from "decimal.js";
import { describe, expect, test } from "vitest";
import { plan, summary } from "./plan-subscription.fixtures";
import type { DiscountSpec } from "@/lib/billing/discounts";
import type { SubscriptionState } from "@/lib/billing/types";

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
