import { describe, expect, test } from "vitest";
import { safeRedirectUrl, safeReturnTo } from "@/lib/http/safe-return-to";

const FALLBACK = "/signed-in";

describe("safeReturnTo", () => {
  test.each([
    ["/admin", "/admin"],
    ["/admin/orders?status=NEW#top", "/admin/orders?status=NEW#top"],
    ["/portal/invoices/abc", "/portal/invoices/abc"],
    ["/change-password?callbackUrl=%2Fadmin", "/change-password?callbackUrl=%2Fadmin"],
    ["/a/../admin", "/admin"],
    ["/%2F%2Fevil.example", "/%2F%2Fevil.example"], // stays an encoded path on this site
  ])("keeps the same-site path %j", (input, expected) => {
    expect(safeReturnTo(input)).toBe(expected);
  });

  test.each([
    ["//evil.example"],
    ["/\\evil.example"],
    ["\\\\evil.example"],
    ["/\\/evil.example"],
    ["/admin\\..\\..\\evil"],
    ["https://evil.example/"],
    ["http:/evil.example"],
    ["javascript:alert(1)"],
    ["JaVaScRiPt:alert(1)"],
    ["data:text/html,<script>alert(1)</script>"],
    ["evil.example"],
    ["admin"],
    [""],
    ["/\t/evil.example"],
    ["/\n/evil.example"],
    ["/\r\n/evil.example"],
    ["/\u0000/evil.example"],
    ["/\u007f"],
    [" /admin"],
    ["/ /evil.example"],
    ["/\u00a0/evil.example"],
    [`/${"a".repeat(3000)}`],
    [undefined],
    [null],
    [["/admin"]],
    [{ toString: (): string => "/admin" }],
  ])("refuses %j", (input) => {
    expect(safeReturnTo(input)).toBe(FALLBACK);
  });

  test("the fallback is the caller's", () => {
    expect(safeReturnTo("//evil.example", "/admin")).toBe("/admin");
  });
});

describe("safeRedirectUrl (next-auth's redirect callback)", () => {
  const base = "https://isp.example";
  test.each([
    ["/admin", `${base}/admin`],
    [`${base}/portal`, `${base}/portal`],
    [`${base}//evil.example`, `${base}${FALLBACK}`],
    ["https://evil.example/admin", `${base}${FALLBACK}`],
    [`${base}.evil.example/admin`, `${base}${FALLBACK}`],
    [`${base}@evil.example/`, `${base}${FALLBACK}`],
    ["/\\evil.example", `${base}${FALLBACK}`],
  ])("%j → %j", (input, expected) => {
    expect(safeRedirectUrl(input, base)).toBe(expected);
  });
});
