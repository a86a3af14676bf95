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
