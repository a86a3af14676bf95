// /api/v1/reports/*: ACCOUNTS and ADMIN keys read them, other roles are refused, bad dates are a
// 400 naming the field; answers match the OpenAPI document (callApi checks).
import { beforeAll, describe, expect, test } from "vitest";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { createIsp } from "@/lib/setup/create-isp";
import { GET as aging } from "@/app/api/v1/reports/aging/route";
import { GET as revenue } from "@/app/api/v1/reports/revenue/route";
import { GET as tax } from "@/app/api/v1/reports/tax/route";
import { GET as mrr } from "@/app/api/v1/reports/mrr/route";
import { callApi } from "../support/call-api";

const keys: Record<string, string> = {};
beforeAll(async () => {
  const a = await createIsp({
    name: "Reports ISP",
    country: "ZA",
    currency: "ZAR",
    timeZone: "Africa/Johannesburg",
    taxRate: 15,
    pricesIncludeTax: true,
    adminName: "Ada",
    adminEmail: "ada@example.test",
    adminPassword: "long-password-1",
  });
  const actor = { kind: "user" as const, id: a.id, role: "ADMIN" as const, name: "Ada" };
  for (const role of ["ADMIN", "ACCOUNTS", "SALES", "SUPPORT"] as const)
    keys[role] = (await createApiKey({ actor, name: role, role })).key;
});

describe("reports API", () => {
  test("ACCOUNTS and ADMIN read every report; minor units on an empty book are zero", async () => {
    for (const key of [keys.ACCOUNTS, keys.ADMIN]) {
      const a = await callApi(aging, "GET", "/reports/aging?asOf=2026-03-31", { key });
      expect(a.status).toBe(200);
      expect(a.body).toMatchObject({ asOf: "2026-03-31", total: 0, ledgerBalance: 0 });
      expect(a.body.buckets.map((b: { label: string }) => b.label)).toEqual([
        "Current",
        "1–30 days",
        "31–60 days",
        "61–90 days",
        "90+ days",
      ]);
      const r = await callApi(revenue, "GET", "/reports/revenue?from=2026-01-01&to=2026-03-31", {
        key,
      });
      expect(r.status).toBe(200);
      expect(r.body.periods).toEqual([]);
      const t = await callApi(tax, "GET", "/reports/tax?from=2026-01-01&to=2026-03-31", { key });
      expect(t.status).toBe(200);
      expect(t.body.totals).toEqual([]);
      const m = await callApi(mrr, "GET", "/reports/mrr?from=2026-01-15&to=2026-03-02", { key });
      expect(m.status).toBe(200);
      expect(m.body.months.map((x: { month: string }) => x.month)).toEqual([
        "2026-01",
        "2026-02",
        "2026-03",
      ]);
      expect(m.body.months[0]).toMatchObject({ opening: 0, closing: 0, churnRate: "0", arpu: 0 });
    }
  });

  test("other roles get 403", async () => {
    for (const key of [keys.SALES, keys.SUPPORT]) {
      const a = await callApi(aging, "GET", "/reports/aging", { key });
      expect(a.status).toBe(403);
    }
  });

  test("impossible or reversed dates are a 400 naming the field", async () => {
    const key = keys.ACCOUNTS;
    const bad = await callApi(aging, "GET", "/reports/aging?asOf=2026-02-30", { key });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields)).toContain("asOf");
    const reversed = await callApi(tax, "GET", "/reports/tax?from=2026-03-01&to=2026-01-01", {
      key,
    });
    expect(reversed.status).toBe(400);
    expect(Object.keys(reversed.body.error.fields)).toContain("to");
    const missing = await callApi(revenue, "GET", "/reports/revenue?from=2026-01-01", { key });
    expect(missing.status).toBe(400);
    const long = await callApi(revenue, "GET", "/reports/revenue?from=2000-01-01&to=2026-01-01", {
      key,
    });
    expect(long.status).toBe(400);
  });
});
