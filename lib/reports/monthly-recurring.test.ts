import { expect, test } from "vitest";
import { monthlyRecurring } from "./monthly-recurring";

const d = (over: object) => ({
  id: "d",
  kind: "PERCENT" as const,
  percent: null,
  amount: null,
  cycles: null,
  cyclesUsed: 0,
  description: "",
  ...over,
});

test("quarterly ÷ 3, yearly ÷ 12, quantity and add-ons count, rounded half-up once", () => {
  expect(monthlyRecurring({ price: 59900, quantity: 1, interval: "MONTH", discounts: [] })).toBe(
    59900,
  );
  expect(monthlyRecurring({ price: 100, quantity: 1, interval: "QUARTER", discounts: [] })).toBe(
    33,
  );
  expect(monthlyRecurring({ price: 200, quantity: 1, interval: "QUARTER", discounts: [] })).toBe(
    67,
  );
  expect(monthlyRecurring({ price: 119900, quantity: 2, interval: "YEAR", discounts: [] })).toBe(
    19983,
  );
  // 33.33 + 33.33 rounds once to 67, not 33 + 33.
  const q = { price: 100, quantity: 1, interval: "QUARTER" as const, discounts: [] };
  expect(monthlyRecurring(q, [q])).toBe(67);
});

test("active discounts apply (percent first, then fixed); used-up ones do not", () => {
  const plan = { price: 50000, quantity: 1, interval: "MONTH" as const };
  expect(monthlyRecurring({ ...plan, discounts: [d({ percent: "10" })] })).toBe(45000);
  expect(
    monthlyRecurring({
      ...plan,
      discounts: [d({ kind: "FIXED", amount: 5000 }), d({ percent: "10" })],
    }),
  ).toBe(40000);
  expect(
    monthlyRecurring({ ...plan, discounts: [d({ percent: "50", cycles: 3, cyclesUsed: 3 })] }),
  ).toBe(50000);
  expect(monthlyRecurring({ ...plan, discounts: [d({ kind: "FIXED", amount: 90000 })] })).toBe(0);
});
