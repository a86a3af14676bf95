import { describe, expect, test } from "vitest";
import { buildQuote, type QuoteProduct } from "./build-quote";

const base: QuoteProduct = {
  id: "p",
  code: "FIBRE-100",
  name: "Fibre 100",
  kind: "PLAN",
  technology: "FIBRE",
  price: 79900,
  interval: "MONTH",
  setupFee: 0,
  addonCharge: "RECURRING",
  contractMonths: 12,
  earlyTerminationPercent: 50,
  taxRate: "15",
  downloadMbps: 100,
  uploadMbps: 50,
  dataCapGb: null,
  fairUseNote: null,
};
const addon = (over: Partial<QuoteProduct>): QuoteProduct => ({
  ...base,
  kind: "ADDON",
  technology: null,
  ...over,
});

describe("buildQuote", () => {
  test("tax-inclusive: tax is extracted per line and totals are sums of rounded lines", () => {
    const q = buildQuote({
      plan: { ...base, setupFee: 99900 },
      addons: [
        addon({ id: "s", code: "STATIC-IP", name: "Static IP", price: 9900 }),
        addon({
          id: "r",
          code: "ROUTER-BUY",
          name: "Router",
          price: 129900,
          addonCharge: "ONCE_OFF",
        }),
      ],
      currency: "ZAR",
      pricesIncludeTax: true,
    });
    expect(q.lines.map((l) => [l.kind, l.totalAmount, l.taxAmount])).toEqual([
      ["RECURRING", 79900, 10422],
      ["SETUP", 99900, 13030],
      ["RECURRING", 9900, 1291],
      ["ONCE_OFF", 129900, 16943],
    ]);
    expect(q.totals.recurring).toEqual({
      netAmount: 79900 - 10422 + 9900 - 1291,
      taxAmount: 11713,
      totalAmount: 89800,
    });
    expect(q.totals.onceOff.totalAmount).toBe(229800);
    expect(q.totals.firstInvoice.totalAmount).toBe(319600);
  });

  test("tax-exclusive adds tax on top", () => {
    const q = buildQuote({ plan: base, addons: [], currency: "EUR", pricesIncludeTax: false });
    expect(q.lines[0]).toMatchObject({ netAmount: 79900, taxAmount: 11985, totalAmount: 91885 });
  });

  test("refuses a recurring add-on on another interval, and a plan passed as add-on", () => {
    expect(() =>
      buildQuote({
        plan: base,
        addons: [addon({ interval: "YEAR" })],
        currency: "ZAR",
        pricesIncludeTax: true,
      }),
    ).toThrow(/cannot be added/);
    expect(() =>
      buildQuote({ plan: base, addons: [base], currency: "ZAR", pricesIncludeTax: true }),
    ).toThrow(/not an add-on/);
  });
});
