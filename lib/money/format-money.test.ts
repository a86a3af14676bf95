import { describe, expect, test } from "vitest";
import { formatMoney, toMajorString } from "./format-money";

describe("toMajorString: minor units to a decimal string without float arithmetic", () => {
  test.each([
    [79900, "ZAR", "799.00"],
    [5, "ZAR", "0.05"],
    [-5, "ZAR", "-0.05"],
    [-123456, "USD", "-1234.56"],
    [0, "EUR", "0.00"],
    [1234, "JPY", "1234"],
    [1234, "BHD", "1.234"],
    [9007199254740991, "USD", "90071992547409.91"],
  ])("%i %s → %s", (minor, currency, major) => {
    expect(toMajorString(minor, currency)).toBe(major);
  });

  test("refuses fractions of a minor unit", () => {
    expect(() => toMajorString(1.5, "ZAR")).toThrow(RangeError);
  });
});

// Intl separates with no-break spaces; compare the characters people read.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");

describe("formatMoney", () => {
  test("formats in the ISP's locale, exactly", () => {
    expect(plain(formatMoney(123456, "ZAR", "en-ZA"))).toBe("R 1 234,56");
    expect(plain(formatMoney(-2500, "ZAR", "en-ZA"))).toBe("-R 25,00");
    // Beyond what a double holds to the cent, the cents still come out right.
    expect(formatMoney(9007199254740991, "USD", "en-US")).toBe("$90,071,992,547,409.91");
  });
});
