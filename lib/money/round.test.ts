import { describe, expect, test } from "vitest";
import Decimal from "decimal.js";
import { roundHalfUp, sumMinor } from "./round";
import { formatMoney } from "./format-money";

describe("roundHalfUp (money rule 1)", () => {
  test.each([
    ["0.5", 1],
    ["1.49999", 1],
    ["2.5", 3],
    ["-0.5", -1],
    ["-2.5", -3],
    ["-0.4", 0],
    ["12345.5", 12346],
  ])("%s → %i", (input, expected) => {
    expect(roundHalfUp(input)).toBe(expected);
  });

  test("a prorated credit mirrors its charge exactly", () => {
    const part = new Decimal(29900).mul(17).div(31);
    expect(roundHalfUp(part.neg())).toBe(-roundHalfUp(part));
  });

  test("sumMinor refuses floats", () => {
    expect(sumMinor([1, 2, 3])).toBe(6);
    expect(() => sumMinor([0.1, 0.2])).toThrow();
  });
});

describe("formatMoney", () => {
  test("formats minor units with the currency's exponent", () => {
    expect(formatMoney(123456, "USD", "en-US")).toBe("$1,234.56");
    expect(formatMoney(1234, "JPY", "en-US")).toBe("¥1,234");
  });
});

describe("parseMoneyInput", async () => {
  const { parseMoneyInput } = await import("./parse-money");
  test.each([
    ["1499.50", "ZAR", 149950],
    ["1 499,5", "ZAR", 149950],
    ["0.01", "USD", 1],
    ["1200", "JPY", 1200],
    ["-25", "ZAR", -2500],
  ])("%s %s → %i", (text, currency, minor) => expect(parseMoneyInput(text, currency)).toBe(minor));
  test.each([
    ["1.999", "ZAR"],
    ["abc", "ZAR"],
    ["1.5", "JPY"],
  ])("refuses %s %s", (text, currency) => {
    expect(() => parseMoneyInput(text, currency)).toThrow();
  });
});
