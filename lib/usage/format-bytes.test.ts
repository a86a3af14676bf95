import { expect, test } from "vitest";
import { formatBytes } from "./format-bytes";

test("bytes in decimal units, one decimal below 100", () => {
  expect(formatBytes(0, "en")).toBe("0 B");
  expect(formatBytes(999, "en")).toBe("999 B");
  expect(formatBytes(1500, "en")).toBe("1.5 kB");
  expect(formatBytes(12_884_901_888, "en")).toBe("12.9 GB");
  expect(formatBytes(250_000_000_000, "en")).toBe("250 GB");
});
