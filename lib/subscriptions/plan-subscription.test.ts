// The planner: recurring charges, plan changes and cancellation (table tests, fixed dates).
import { describe, expect, test } from "vitest";
import { plan, summary } from "./plan-subscription.fixtures";
import type { SubscriptionState } from "@/lib/billing/types";
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
