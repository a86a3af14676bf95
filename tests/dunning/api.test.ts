// The dunning API: the forecast, an account's state and history, and a hold that pauses the
// ladder — with the roles and 4xx answers the document promises.
import { afterEach, beforeAll, expect, test } from "vitest";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { runDunningSweep } from "@/lib/dunning/run-dunning-sweep";
import { createIsp } from "@/lib/setup/create-isp";
import { setClock } from "@/lib/time/clock";
import { GET as forecast } from "@/app/api/v1/dunning/forecast/route";
import { GET as getDunning } from "@/app/api/v1/customers/[id]/dunning/route";
import { POST as hold } from "@/app/api/v1/customers/[id]/dunning/hold/route";
import { callApi } from "../support/call-api";
import { at, overdueCustomer } from "./fixtures";

const keys = { accounts: "", support: "", sales: "" };
beforeAll(async () => {
  const admin = await createIsp({
    name: "Valley Fibre",
    country: "ZA",
    currency: "ZAR",
    timeZone: "Africa/Johannesburg",
    taxRate: 15,
    adminName: "Ada",
    adminEmail: "ada@example.test",
    adminPassword: "long-password-1",
  });
  const actor = { kind: "user" as const, id: admin.id, role: "ADMIN" as const, name: "Ada" };
  keys.accounts = (await createApiKey({ actor, name: "accounts", role: "ACCOUNTS" })).key;
  keys.support = (await createApiKey({ actor, name: "helpdesk", role: "SUPPORT" })).key;
  keys.sales = (await createApiKey({ actor, name: "crm", role: "SALES" })).key;
});
afterEach(() => setClock(undefined));

test("forecast, hold and history", async () => {
  // Issued Mon 5 Oct 2026, due Mon 12 Oct.
  const { customer, invoiceId } = await overdueCustomer({ issued: "2026-10-05", amount: 40000 });
  at("2026-10-08", 9);
  const f = await callApi(forecast, "GET", "/dunning/forecast?days=30", { key: keys.accounts });
  expect(f.status).toBe(200);
  const mine = f.body.data.filter((r: { customerId: string }) => r.customerId === customer.id);
  expect(mine.map((r: { date: string; step: string }) => `${r.date} ${r.step}`)).toEqual([
    "2026-10-09 reminder",
    "2026-10-13 overdue-notice",
    "2026-10-19 late-fee",
    "2026-10-22 soft-suspend",
    "2026-10-26 suspend",
  ]);
  expect(mine[1]).toMatchObject({ invoiceIds: [invoiceId], amount: 40000 });

  for (const days of ["0", "91", "x", "1.5"]) {
    const bad = await callApi(forecast, "GET", `/dunning/forecast?days=${days}`, {
      key: keys.accounts,
    });
    expect(bad.status).toBe(400);
  }
  expect(
    (await callApi(forecast, "GET", "/dunning/forecast?days=5", { key: keys.sales })).status,
  ).toBe(403);

  // A hold until 20 October: nothing before it, the ladder catches up on it.
  const params = { id: customer.id };
  const held = await callApi(hold, "POST", `/customers/${customer.id}/dunning/hold`, {
    key: keys.accounts,
    params,
    body: { until: "2026-10-20", reason: "promised to pay on payday" },
  });
  expect(held.status).toBe(200);
  expect(held.body).toMatchObject({ holdUntil: "2026-10-20", state: "CURRENT" });
  const after = await callApi(forecast, "GET", "/dunning/forecast?days=30", { key: keys.accounts });
  expect(
    after.body.data
      .filter((r: { customerId: string }) => r.customerId === customer.id)
      .map((r: { date: string; step: string }) => `${r.date} ${r.step}`),
  ).toEqual([
    "2026-10-20 overdue-notice",
    "2026-10-20 late-fee",
    "2026-10-22 soft-suspend",
    "2026-10-26 suspend",
  ]);
  for (const body of [
    { until: "2026-10-08", reason: "today" },
    { until: "2027-10-08", reason: "too far" },
    { until: "2026-02-30", reason: "no such day" },
    { until: "2026-10-20", reason: "" },
  ]) {
    const bad = await callApi(hold, "POST", `/customers/${customer.id}/dunning/hold`, {
      key: keys.accounts,
      params,
      body,
    });
    expect(bad.status).toBe(400);
  }
  expect(
    (
      await callApi(hold, "POST", `/customers/${customer.id}/dunning/hold`, {
        key: keys.support,
        params,
        body: { until: "2026-10-20", reason: "x" },
      })
    ).status,
  ).toBe(403);

  at("2026-10-20", 9);
  await runDunningSweep({ customerIds: [customer.id] });
  const h = await callApi(getDunning, "GET", `/customers/${customer.id}/dunning`, {
    key: keys.support,
    params,
  });
  expect(h.status).toBe(200);
  expect(h.body.state).toBe("OVERDUE");
  expect(h.body.history.map((e: { step: string }) => e.step).sort()).toEqual([
    "late-fee",
    "overdue-notice",
  ]);
  const missing = await callApi(getDunning, "GET", "/customers/nope/dunning", {
    key: keys.support,
    params: { id: "nope" },
  });
  expect(missing.status).toBe(404);
});
