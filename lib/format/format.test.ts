import { describe, expect, test } from "vitest";
import { formatDate, formatDateTime, formatInstantDate, formatPeriod } from "./dates";
import { intervalLabel, perInterval, roleLabel, technologyLabel } from "./labels";
import { formatBytes, formatPercent } from "./numbers";
import { plural } from "./plural";
import { invoiceDisplayStatus, orderStep, statusLabel, statusOptions, statusTone } from "./status";

// Intl separates with no-break and thin spaces; compare the words.
const plain = (s: string) => s.replace(/[\u00a0\u202f\u2009]/g, " ");

describe("dates: never an ISO string, calendar dates never shifted by a zone", () => {
  test("a calendar date reads the same whatever it arrives as", () => {
    expect(formatDate("2026-03-31", "en-ZA")).toBe("31 Mar 2026");
    expect(formatDate(new Date("2026-03-31T00:00:00Z"), "en-ZA")).toBe("31 Mar 2026");
    expect(formatDate("2026-03-31", "en-US")).toBe("Mar 31, 2026");
    expect(formatDate(null, "en-ZA")).toBe("—");
  });

  const plainPeriod = (...a: Parameters<typeof formatPeriod>) => plain(formatPeriod(...a));

  test("a period is stored with an exclusive end and shown with its last day", () => {
    expect(plainPeriod("2026-03-01", "2026-04-01", "en-ZA")).toBe("1–31 Mar 2026");
    expect(plainPeriod("2026-03-15", "2026-04-15", "en-ZA")).toBe("15 Mar – 14 Apr 2026");
    expect(plainPeriod("2026-03-15", null, "en-ZA")).toBe("15 Mar 2026");
    expect(plainPeriod("2026-03-15", "2026-03-16", "en-ZA")).toBe("15 Mar 2026");
  });

  test("an instant is shown in the ISP's zone: 22:30 UTC on 31 March is 1 April in Johannesburg", () => {
    const at = { locale: "en-ZA", timeZone: "Africa/Johannesburg" };
    const instant = new Date("2026-03-31T22:30:00Z");
    expect(formatInstantDate(instant, at)).toBe("01 Apr 2026");
    expect(plain(formatDateTime(instant, at))).toBe("01 Apr 2026, 00:30");
    expect(plain(formatDateTime(instant.toISOString(), { ...at, timeZone: "UTC" }))).toBe(
      "31 Mar 2026, 22:30",
    );
  });
});

describe("statuses: one label and one tone each", () => {
  test("labels are sentence case and unknown codes still read as words", () => {
    expect(statusLabel("invoice", "PARTIALLY_PAID")).toBe("Partly paid");
    expect(statusLabel("order", "SCHEDULED")).toBe("Installation booked");
    expect(statusLabel("subscription", "SOMETHING_NEW")).toBe("Something new");
  });

  test("a suspension reads the same on the customer and the service: attention, not failure", () => {
    expect(statusTone("subscription", "SUSPENDED")).toBe("amber");
    expect(statusTone("customer", "SUSPENDED")).toBe("amber");
    expect(statusTone("invoice", "OVERDUE")).toBe("red");
    expect(statusTone("billingRun", "FAILED")).toBe("red");
    expect(statusTone("order", "CANCELLED")).toBe("gray");
    expect(statusTone("invoice", "UNKNOWN")).toBe("gray");
  });

  test("an unpaid invoice past its due date is overdue; paid or not yet due is not", () => {
    const today = "2026-04-10";
    expect(invoiceDisplayStatus({ status: "OPEN", dueDate: "2026-04-09" }, today)).toBe("OVERDUE");
    expect(invoiceDisplayStatus({ status: "PARTIALLY_PAID", dueDate: "2026-04-01" }, today)).toBe(
      "OVERDUE",
    );
    expect(invoiceDisplayStatus({ status: "OPEN", dueDate: today }, today)).toBe("OPEN");
    expect(invoiceDisplayStatus({ status: "PAID", dueDate: "2026-04-01" }, today)).toBe("PAID");
    expect(invoiceDisplayStatus({ status: "DRAFT", dueDate: null }, today)).toBe("DRAFT");
  });

  test("options list every status of a kind with its label", () => {
    expect(statusOptions("coverageArea")).toEqual([
      ["LIVE", "Live"],
      ["PLANNED", "Planned"],
    ]);
  });
});

describe("labels", () => {
  test("one wording per interval", () => {
    expect(perInterval("MONTH")).toBe("/ month");
    expect(perInterval("YEAR")).toBe("/ year");
    expect(perInterval(null)).toBe("once-off");
    expect(intervalLabel("QUARTER")).toBe("Quarterly");
  });

  test("roles and technologies", () => {
    expect(roleLabel("ACCOUNTS")).toBe("Accounts");
    expect(technologyLabel("WIRELESS")).toBe("Fixed wireless");
    expect(technologyLabel("SATELLITE")).toBe("SATELLITE");
  });
});

describe("numbers and plurals", () => {
  test("one customer, many customers, in the ISP's locale", () => {
    expect(plural(1, "customer")).toBe("1 customer");
    expect(plural(0, "customer")).toBe("0 customers");
    expect(plural(12500, "customer", "customers", "en-US")).toBe("12,500 customers");
    expect(plural(2, "address", "addresses")).toBe("2 addresses");
  });

  test("rates and sizes", () => {
    expect(formatPercent("15.0000", "en-ZA")).toBe("15%");
    expect(formatPercent(12.5, "en-US")).toBe("12.5%");
    expect(formatBytes(2048, "en-US")).toBe("2 KB");
    expect(formatBytes(10, "en-US")).toBe("1 KB");
    expect(formatBytes(3.5 * 1024 * 1024, "en-US")).toBe("3.5 MB");
  });
});

describe("order progress", () => {
  test("steps in order; a cancelled order has none", () => {
    expect(orderStep("NEW")).toBe(0);
    expect(orderStep("ACTIVATED")).toBe(2);
    expect(orderStep("CANCELLED")).toBe(-1);
  });
});
