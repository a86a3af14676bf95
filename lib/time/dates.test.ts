import { describe, expect, test } from "vitest";
import {
  addDays,
  dateInZone,
  daysBetween,
  fromDbDate,
  instantInZone,
  isIsoDate,
  toDbDate,
} from "./dates";

describe("ISO billing dates", () => {
  test("round-trip through the DB edge", () => {
    expect(fromDbDate(toDbDate("2028-02-29"))).toBe("2028-02-29");
  });
  test("validation rejects impossible dates", () => {
    expect(isIsoDate("2027-02-29")).toBe(false);
    expect(isIsoDate("2028-02-29")).toBe(true);
    expect(isIsoDate("2026-13-01")).toBe(false);
  });
  test.each([
    ["2026-01-01", "2026-02-01", 31],
    ["2028-02-01", "2028-03-01", 29],
    ["2026-03-01", "2026-04-01", 31], // DST change in Europe inside: still 31 calendar days
    ["2026-01-01", "2027-01-01", 365],
    ["2028-01-01", "2029-01-01", 366],
  ])("daysBetween(%s, %s) = %i", (a, b, n) => expect(daysBetween(a, b)).toBe(n));
  test("addDays across a year end", () => expect(addDays("2026-12-31", 1)).toBe("2027-01-01"));
});

describe("dates in the ISP's time zone (DST)", () => {
  test.each([
    // 23:30 UTC on 31 Dec is already 1 Jan in Johannesburg (UTC+2)
    ["2026-12-31T23:30:00Z", "Africa/Johannesburg", "2027-01-01"],
    // Berlin springs forward on 29 Mar 2026: 00:30 UTC is 01:30 CET the same day
    ["2026-03-29T00:30:00Z", "Europe/Berlin", "2026-03-29"],
    // New York falls back on 1 Nov 2026: 04:30 UTC is 00:30 EDT, 05:30 UTC is 00:30 EST
    ["2026-11-01T04:30:00Z", "America/New_York", "2026-11-01"],
    ["2026-11-01T03:59:00Z", "America/New_York", "2026-10-31"],
  ])("%s in %s is %s", (instant, zone, date) =>
    expect(dateInZone(new Date(instant), zone)).toBe(date),
  );

  test("the billing hour is local on both sides of a DST change", () => {
    expect(instantInZone("2026-03-28", 2, "Europe/Berlin").toISOString()).toBe(
      "2026-03-28T01:00:00.000Z",
    );
    expect(instantInZone("2026-03-30", 2, "Europe/Berlin").toISOString()).toBe(
      "2026-03-30T00:00:00.000Z",
    );
  });
});
