import { describe, expect, test } from "vitest";
import Decimal from "decimal.js";
import { invoiceTotals, lineAmounts, priceIncludesTax, taxBreakdown } from "./tax";
import { composeInvoice } from "./compose-invoice";
import { earlyTerminationFee, remainingContractMonths } from "@/lib/subscriptions/termination";
import { discountFor } from "./discounts";

describe("tax per line, half-up (money rule 1)", () => {
  test.each([
    // amount shown, rate, inclusive → net, tax, total
    [11500, "15", true, 10000, 1500, 11500],
    [10000, "15", false, 10000, 1500, 11500],
    [999, "15", true, 869, 130, 999], // 999 × 15/115 = 130.30 → 130
    [999, "15", false, 999, 150, 1149], // 149.85 → 150
    [1003, "20", false, 1003, 201, 1204], // 200.6 → 201
    [1003, "20", true, 836, 167, 1003], // 167.17 → 167
    [1010, "5", false, 1010, 51, 1061], // 50.5 → 51 (half-up)
    [-1010, "5", false, -1010, -51, -1061], // credits mirror charges
    [5000, "0", true, 5000, 0, 5000],
    ["16396.774", "15", true, 14258, 2139, 16397], // the line rounds once, then the tax
  ])("%s at %s%% (inclusive %s)", (amount, rate, inclusive, net, tax, total) => {
    expect(lineAmounts(amount, rate, inclusive)).toEqual({
      netAmount: net,
      taxAmount: tax,
      totalAmount: total,
    });
  });

  test("the invoice shows tax per rate and totals are sums of rounded lines", () => {
    const lines = [
      { taxRate: "15", ...lineAmounts(999, "15", false) },
      { taxRate: "15.0000", ...lineAmounts(1001, "15", false) },
      { taxRate: "0", ...lineAmounts(500, "0", false) },
      { taxRate: "7.5", ...lineAmounts(200, "7.5", false) },
    ];
    expect(taxBreakdown(lines)).toEqual([
      { rate: "15.0000", netAmount: 2000, taxAmount: 300 },
      { rate: "7.5000", netAmount: 200, taxAmount: 15 },
      { rate: "0.0000", netAmount: 500, taxAmount: 0 },
    ]);
    expect(invoiceTotals(lines)).toEqual({ subtotal: 2700, taxTotal: 315, total: 3015 });
  });
});

describe("early termination", () => {
  test.each([
    ["2026-04-21", "2027-01-01", 9],
    ["2026-05-01", "2027-01-01", 8],
    ["2026-12-31", "2027-01-01", 1],
    ["2027-01-01", "2027-01-01", 0],
  ])("from %s to %s: %i months", (from, to, months) =>
    expect(remainingContractMonths(from, to)).toBe(months),
  );

  test("quarterly plans use a third of the quarterly price per month", () => {
    const fee = earlyTerminationFee({
      effectiveDate: "2026-05-01",
      contractEndDate: "2027-01-01",
      price: 90000,
      quantity: 1,
      interval: "QUARTER",
      percent: 100,
    });
    expect(fee.amount.toNumber()).toBe(240000);
  });
});

describe("discount combination", () => {
  test("percentages apply before fixed amounts whatever the order", () => {
    const d = [
      {
        id: "f",
        kind: "FIXED" as const,
        percent: null,
        amount: 1000,
        cycles: null,
        cyclesUsed: 0,
        description: "f",
      },
      {
        id: "p",
        kind: "PERCENT" as const,
        percent: "50",
        amount: null,
        cycles: null,
        cyclesUsed: 0,
        description: "p",
      },
    ];
    expect(discountFor(d, new Decimal(10000)).amount.toNumber()).toBe(6000);
    expect(discountFor([...d].reverse(), new Decimal(10000)).amount.toNumber()).toBe(6000);
  });
});

describe("a plan's tax behaviour overrides the ISP's (Stripe Price tax_behavior)", () => {
  test.each([
    // plan, ISP includes tax → the line's amount includes tax
    [null, true, true],
    [null, false, false],
    ["INCLUSIVE", false, true],
    ["EXCLUSIVE", true, false],
  ] as const)("plan %s, ISP inclusive %s → inclusive %s", (plan, isp, expected) => {
    expect(priceIncludesTax(plan, isp)).toBe(expected);
  });

  test("one invoice mixes both: subtotal, tax per rate and total still add up", () => {
    const draft = (
      amount: number,
      taxRate: string,
      taxBehavior: "INCLUSIVE" | "EXCLUSIVE" | null,
    ) => ({
      subscriptionId: null,
      kind: "RECURRING" as const,
      description: "x",
      periodStart: null,
      periodEnd: null,
      quantity: "1",
      unitAmount: amount,
      amount: new Decimal(amount),
      taxRate,
      taxBehavior,
    });
    const inv = composeInvoice({
      customerId: "c",
      currency: "ZAR",
      issueDate: "2026-05-01",
      paymentTermsDays: 7,
      pricesIncludeTax: true,
      drafts: [
        draft(10000, "15", "EXCLUSIVE"),
        draft(10000, "15", null),
        draft(5000, "0", "EXCLUSIVE"),
      ],
      subscriptionIds: [],
    });
    expect(inv.lines.map((l) => [l.netAmount, l.taxAmount, l.totalAmount])).toEqual([
      [10000, 1500, 11500],
      [8696, 1304, 10000],
      [5000, 0, 5000],
    ]);
    expect(inv).toMatchObject({
      subtotal: 23696,
      taxTotal: 2804,
      total: 26500,
      dueDate: "2026-05-08",
    });
    expect(taxBreakdown(inv.lines)).toEqual([
      { rate: "15.0000", netAmount: 18696, taxAmount: 2804 },
      { rate: "0.0000", netAmount: 5000, taxAmount: 0 },
    ]);
  });
});
