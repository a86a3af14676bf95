// The arrangements API: propose (201, agreed or pending), approve and reject with the roles and
// 4xx answers the document promises, and the arrangement on GET /customers/{id}/dunning.
import { afterEach, beforeAll, expect, test } from "vitest";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { createIsp } from "@/lib/setup/create-isp";
import { setClock } from "@/lib/time/clock";
import { GET as getDunning } from "@/app/api/v1/customers/[id]/dunning/route";
import { POST as propose } from "@/app/api/v1/customers/[id]/arrangements/route";
import { POST as approve } from "@/app/api/v1/customers/[id]/arrangements/[arrangementId]/approve/route";
import { POST as reject } from "@/app/api/v1/customers/[id]/arrangements/[arrangementId]/reject/route";
import { callApi } from "../support/call-api";
import { at, overdueCustomer } from "./fixtures";

const keys = { accounts: "", support: "" };
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
});
afterEach(() => setClock(undefined));

test("propose, refer, approve and reject through the API", async () => {
  const { customer } = await overdueCustomer({ issued: "2026-10-05", amount: 40000 });
  at("2026-10-14", 10);
  const path = `/customers/${customer.id}/arrangements`;
  const params = { id: customer.id };
  const post = (body: unknown, key = keys.accounts) =>
    callApi(propose, "POST", path, { key, params, body });

  expect(
    (await post({ instalments: [{ dueDate: "2026-10-15", amount: 40000 }] }, keys.support)).status,
  ).toBe(403);
  for (const body of [
    { instalments: [] },
    { instalments: [{ dueDate: "2026-02-30", amount: 40000 }] },
    { instalments: [{ dueDate: "2026-10-15", amount: 1.5 }] },
    { instalments: [{ dueDate: "2026-10-15", amount: 30000 }] },
  ]) {
    const bad = await post(body);
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toBeTruthy();
  }

  // Four payments where the rules allow three: pending.
  const pending = await post({
    instalments: ["2026-10-15", "2026-10-22", "2026-10-29", "2026-11-05"].map((dueDate) => ({
      dueDate,
      amount: 10000,
    })),
    note: "asked by phone",
  });
  expect(pending.status).toBe(201);
  expect(pending.body).toMatchObject({ status: "PENDING", total: 40000 });
  expect(pending.body.referReasons).toEqual(["more than 3 payments"]);
  expect((await post({ instalments: [{ dueDate: "2026-10-15", amount: 40000 }] })).status).toBe(
    409,
  );

  const decide = (handler: unknown, verb: string, body: unknown, key = keys.accounts) =>
    callApi(handler, "POST", `${path}/${pending.body.id}/${verb}`, {
      key,
      params: { id: customer.id, arrangementId: pending.body.id },
      body,
    });
  expect((await decide(reject, "reject", {})).status).toBe(400);
  expect((await decide(approve, "approve", {}, keys.support)).status).toBe(403);
  const ok = await decide(approve, "approve", { reason: "good payer" });
  expect(ok.status).toBe(200);
  expect(ok.body).toMatchObject({ status: "ACTIVE", decisionReason: "good payer" });
  expect((await decide(reject, "reject", { reason: "too late" })).status).toBe(409);

  const d = await callApi(getDunning, "GET", `/customers/${customer.id}/dunning`, {
    key: keys.support,
    params,
  });
  expect(d.status).toBe(200);
  expect(d.body.state).toBe("ARRANGED");
  expect(d.body.arrangement).toMatchObject({ id: pending.body.id, status: "ACTIVE" });
  expect(d.body.arrangement.instalments).toHaveLength(4);
  expect(d.body.history[0]).toMatchObject({ step: "arrangement-agreed", amount: 40000 });
});
