import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { appRoutePatterns, routeMatcher } from "./route-patterns";

describe("routeMatcher on this app", () => {
  const routeOf = routeMatcher(appRoutePatterns(path.resolve("app")));
  test.each([
    ["/", "/"],
    ["/coverage", "/coverage"],
    ["/admin/", "/admin"],
    ["/admin/customers/ck123/edit", "/admin/customers/[id]/edit"],
    ["/admin/catalog/new", "/admin/catalog/new"],
    ["/admin/catalog/p_1", "/admin/catalog/[id]"],
    ["/admin/mail/a.eml/attachments/0", "/admin/mail/[id]/attachments/[index]"],
    ["/api/v1/openapi.json", "/api/v1/openapi.json"],
    ["/api/v1/billing-runs/preview?asOf=2026-12-01", "/api/v1/billing-runs/preview"],
    ["/api/auth/session", "/api/auth/[...nextauth]"],
    ["/_next/image?url=x", "/_next/image"],
    ["/wp-login.php", "(unmatched)"],
  ])("%s → %s", (url, route) => expect(routeOf(url)).toBe(route));
});

test("groups, private folders, parallel slots and optional catch-alls", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "routes-"));
  const page = (p: string) => {
    mkdirSync(path.join(dir, p), { recursive: true });
    writeFileSync(path.join(dir, p, "page.tsx"), "");
  };
  page("(shop)/docs/[[...slug]]");
  page("_components");
  page("team/@modal/invite");
  const routeOf = routeMatcher(appRoutePatterns(dir));
  expect(routeOf("/docs")).toBe("/docs/[[...slug]]");
  expect(routeOf("/docs/a/b")).toBe("/docs/[[...slug]]");
  expect(routeOf("/_components")).toBe("(unmatched)");
  expect(routeOf("/team/invite")).toBe("/team/invite");
});
