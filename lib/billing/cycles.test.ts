import { describe, expect, test } from "vitest";
import {
  firstPeriodEndOnOrAfter,
  fullPeriodEndingAt,
  periodContaining,
  periodEnd,
  periodsFrom,
  type Cycle,
} from "./cycles";

const starts = (cycle: Cycle, start: string, n: number) =>
  periodsFrom(cycle, start, n).map((p) => p.start);

describe("anniversary cycles (money rule 2)", () => {
  test("a 31st anchor clamps to month ends and returns to the 31st, across a year", () => {
    const cycle: Cycle = { mode: "ANNIVERSARY", interval: "MONTH", anchorDay: 31 };
    expect(starts(cycle, "2026-01-31", 13)).toEqual([
      "2026-01-31",
      "2026-02-28",
      "2026-03-31",
      "2026-04-30",
      "2026-05-31",
      "2026-06-30",
      "2026-07-31",
      "2026-08-31",
      "2026-09-30",
      "2026-10-31",
      "2026-11-30",
      "2026-12-31",
      "2027-01-31",
    ]);
  });

  test("in a leap year February ends on the 29th", () => {
    const cycle: Cycle = { mode: "ANNIVERSARY", interval: "MONTH", anchorDay: 31 };
    expect(starts(cycle, "2028-01-31", 3)).toEqual(["2028-01-31", "2028-02-29", "2028-03-31"]);
  });

  test.each([
    [30, "2026-01-30", ["2026-01-30", "2026-02-28", "2026-03-30"]],
    [29, "2027-01-29", ["2027-01-29", "2027-02-28", "2027-03-29"]],
    [15, "2026-01-15", ["2026-01-15", "2026-02-15", "2026-03-15"]],
  ])("anchor %i", (anchorDay, start, expected) => {
    expect(starts({ mode: "ANNIVERSARY", interval: "MONTH", anchorDay }, start, 3)).toEqual(
      expected,
    );
  });

  test("an annual plan started on 29 Feb renews on 28 Feb, and on 29 Feb again in the next leap year", () => {
    const cycle: Cycle = { mode: "ANNIVERSARY", interval: "YEAR", anchorDay: 29 };
    expect(starts(cycle, "2028-02-29", 5)).toEqual([
      "2028-02-29",
      "2029-02-28",
      "2030-02-28",
      "2031-02-28",
      "2032-02-29",
    ]);
  });

  test("quarterly from 31 Aug: 30 Nov, 28 Feb, 31 May", () => {
    const cycle: Cycle = { mode: "ANNIVERSARY", interval: "QUARTER", anchorDay: 31 };
    expect(starts(cycle, "2026-08-31", 4)).toEqual([
      "2026-08-31",
      "2026-11-30",
      "2027-02-28",
      "2027-05-31",
    ]);
  });

  test("an anchor day other than the start day gives a first stub to the next anchor date", () => {
    const cycle: Cycle = { mode: "ANNIVERSARY", interval: "MONTH", anchorDay: 1 };
    expect(periodEnd(cycle, "2026-01-20", true)).toBe("2026-02-01");
    expect(periodEnd(cycle, "2026-02-01", false)).toBe("2026-03-01");
  });

  test("the full period used for proration of a clamped month", () => {
    const cycle: Cycle = { mode: "ANNIVERSARY", interval: "MONTH", anchorDay: 31 };
    expect(fullPeriodEndingAt(cycle, "2026-03-31")).toEqual({
      start: "2026-02-28",
      end: "2026-03-31",
    });
  });
});

describe("calendar cycles", () => {
  test.each([
    ["MONTH", "2026-01-15", ["2026-01-15", "2026-02-01", "2026-03-01"]],
    ["MONTH", "2026-12-31", ["2026-12-31", "2027-01-01", "2027-02-01"]],
    [
      "QUARTER",
      "2026-02-10",
      ["2026-02-10", "2026-04-01", "2026-07-01", "2026-10-01", "2027-01-01"],
    ],
    ["YEAR", "2028-02-29", ["2028-02-29", "2029-01-01", "2030-01-01"]],
    ["MONTH", "2026-03-01", ["2026-03-01", "2026-04-01"]],
  ] as const)("%s from %s", (interval, start, expected) => {
    expect(starts({ mode: "CALENDAR", interval, anchorDay: 1 }, start, expected.length)).toEqual(
      expected,
    );
  });

  test("the first partial period prorates against the whole calendar period", () => {
    const cycle: Cycle = { mode: "CALENDAR", interval: "QUARTER", anchorDay: 1 };
    expect(fullPeriodEndingAt(cycle, periodEnd(cycle, "2026-02-10", true))).toEqual({
      start: "2026-01-01",
      end: "2026-04-01",
    });
  });
});

describe("the period containing a date, and the first period end on or after one", () => {
  const monthly15: Cycle = { mode: "ANNIVERSARY", interval: "MONTH", anchorDay: 15 };
  const calendar: Cycle = { mode: "CALENDAR", interval: "MONTH", anchorDay: 1 };
  const monthly31: Cycle = { mode: "ANNIVERSARY", interval: "MONTH", anchorDay: 31 };
  test.each([
    // cycle, start, billed through, date → period containing it, first end on or after it
    [monthly15, "2026-01-15", null, "2026-01-10", ["2026-01-15", "2026-02-15"], "2026-02-15"],
    [monthly15, "2026-01-15", null, "2026-01-15", ["2026-01-15", "2026-02-15"], "2026-02-15"],
    [monthly15, "2026-01-15", null, "2026-03-20", ["2026-03-15", "2026-04-15"], "2026-04-15"],
    [
      monthly15,
      "2026-01-15",
      "2026-05-15",
      "2026-02-15",
      ["2026-02-15", "2026-03-15"],
      "2026-02-15",
    ],
    [
      monthly15,
      "2026-01-15",
      "2026-05-15",
      "2026-05-14",
      ["2026-04-15", "2026-05-15"],
      "2026-05-15",
    ],
    [
      monthly15,
      "2026-01-15",
      "2026-05-15",
      "2026-07-01",
      ["2026-06-15", "2026-07-15"],
      "2026-07-15",
    ],
    [calendar, "2026-01-10", null, "2026-01-20", ["2026-01-10", "2026-02-01"], "2026-02-01"],
    [
      calendar,
      "2026-01-10",
      "2026-03-01",
      "2026-01-12",
      ["2026-01-10", "2026-02-01"],
      "2026-02-01",
    ],
    [
      calendar,
      "2026-01-10",
      "2026-03-01",
      "2026-02-01",
      ["2026-02-01", "2026-03-01"],
      "2026-02-01",
    ],
    [
      monthly31,
      "2026-01-31",
      "2026-04-30",
      "2026-03-01",
      ["2026-02-28", "2026-03-31"],
      "2026-03-31",
    ],
    [
      monthly31,
      "2026-01-31",
      "2026-04-30",
      "2026-05-30",
      ["2026-04-30", "2026-05-31"],
      "2026-05-31",
    ],
  ] as const)(
    "%o from %s billed to %s: %s",
    (cycle, startDate, billedThrough, date, period, end) => {
      const at = { startDate, billedThrough };
      expect(periodContaining(cycle, at, date)).toEqual({ start: period[0], end: period[1] });
      expect(firstPeriodEndOnOrAfter(cycle, at, date)).toBe(end);
    },
  );
});
