import { expect, test } from "vitest";
import { exportQuery } from "./export-query";

test("the export link carries the filter, not the page cursor or empty fields", () => {
  expect(
    exportQuery({
      status: "OPEN",
      from: "",
      overdue: true,
      unallocated: false,
      after: "c1",
      to: undefined,
    }),
  ).toBe("status=OPEN&overdue=true");
});
