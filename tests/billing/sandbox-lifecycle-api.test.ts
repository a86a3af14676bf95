// Issue 9's "done when": a client holding only an ADMIN API key, on an instance started with
// SANDBOX_CLOCK=true, sets up a tax class and plans, creates a customer and a subscription, moves
// the clock, runs billing, changes and cancels the plan, finalises held drafts, and reads
// invoices, lines and balances — every call through the /api/v1 route handlers, on a real database.
import { afterAll, beforeAll, expect, test } from "vitest";
import { createIsp } from "@/lib/setup/create-isp";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { setSandboxOffset } from "@/lib/time/clock";
import { syncClock } from "@/lib/time/sync-clock";
import * as clock from "@/app/api/v1/sandbox/clock/route";
import * as taxClasses from "@/app/api/v1/tax-classes/route";
import * as settings from "@/app/api/v1/settings/route";
import * as plans from "@/app/api/v1/plans/route";
import * as plan from "@/app/api/v1/plans/[id]/route";
import * as customers from "@/app/api/v1/customers/route";
import * as balance from "@/app/api/v1/customers/[id]/balance/route";
import * as subscriptions from "@/app/api/v1/subscriptions/route";
import * as subscription from "@/app/api/v1/subscriptions/[id]/route";
import * as changePlan from "@/app/api/v1/subscriptions/[id]/change-plan/route";
import * as cancel from "@/app/api/v1/subscriptions/[id]/cancel/route";
import * as runs from "@/app/api/v1/billing-runs/route";
import * as invoices from "@/app/api/v1/invoices/route";
import * as invoice from "@/app/api/v1/invoices/[id]/route";
import * as finalize from "@/app/api/v1/invoices/[id]/finalize/route";
import * as jobs from "@/app/api/v1/jobs/[name]/run/route";
import { callApi, type ApiReply } from "../support/call-api";

let key = "";
beforeAll(async () => {
  process.env.SANDBOX_CLOCK = "true";
  const admin = await createIsp({
    name: "Sandbox Fibre",
    country: "ZA",
    currency: "ZAR",
    timeZone: "Africa/Johannesburg",
    locale: "en-ZA",
    taxRate: 15,
    adminName: "Ada",
    adminEmail: "ada@example.test",
    adminPassword: "long-password-1",
  });
  // What `npm run apikey:create -- --role ADMIN` hands the integrator; nothing else is used below.
  const actor = { kind: "user" as const, id: admin.id, role: "ADMIN" as const, name: "Ada" };
  key = (await createApiKey({ actor, name: "integration", role: "ADMIN" })).key;
});
afterAll(async () => {
  delete process.env.SANDBOX_CLOCK;
  await syncClock();
  setSandboxOffset(0);
});

const api = (
  handler: unknown,
  method: string,
  path: string,
  opts: { body?: unknown; params?: Record<string, string> } = {},
) => callApi(handler, method, path, { ...opts, key });
const ok = async (reply: Promise<ApiReply>, status = 200) => {
  const r = await reply;
  expect(r.status, JSON.stringify(r.body)).toBe(status);
  return r.body;
};
const moveClock = (now: string) => ok(api(clock.PUT, "PUT", "/sandbox/clock", { body: { now } }));
const runBilling = async (asOf: string) => {
  const run = await ok(api(runs.POST, "POST", "/billing-runs", { body: { wait: true } }));
  expect(run).toMatchObject({ asOf, status: "COMPLETED" }); // the default date follows the clock
  return run;
};
const linesOf = async (id: string) =>
  (await ok(api(invoice.GET, "GET", `/invoices/${id}`, { params: { id } }))).lines.map(
    (l: {
      kind: string;
      periodStart: string;
      netAmount: number;
      taxAmount: number;
      totalAmount: number;
    }) => [l.kind, l.periodStart, l.netAmount, l.taxAmount, l.totalAmount],
  );

test("a whole subscription lifecycle driven through /api/v1 with an ADMIN key and the sandbox clock", async () => {
  // Set-up, on 5 January 2027 (09:00 in Johannesburg).
  expect((await moveClock("2027-01-05T07:00:00Z")).now).toMatch(/^2027-01-05T07:00/);
  const tax = await ok(
    api(taxClasses.POST, "POST", "/tax-classes", {
      body: { name: "Reduced 5%", rateBasisPoints: 500 },
    }),
    201,
  );
  expect(
    await ok(api(settings.PATCH, "PATCH", "/settings", { body: { invoiceHoldHours: 24 } })),
  ).toMatchObject({ currency: "ZAR", pricesIncludeTax: true, invoiceHoldHours: 24 });
  const planBody = (code: string, price: number, extra: object = {}) => ({
    body: {
      code,
      name: code,
      kind: "PLAN",
      technology: "FIBRE",
      downloadMbps: 50,
      uploadMbps: 50,
      price,
      taxClassId: tax.id,
      ...extra,
    },
  });
  const basic = await ok(api(plans.POST, "POST", "/plans", planBody("BASIC", 30000)), 201);
  const fast = await ok(
    api(plans.POST, "POST", "/plans", planBody("FAST", 60000, { taxBehavior: "exclusive" })),
    201,
  );
  const lite = await ok(api(plans.POST, "POST", "/plans", planBody("LITE", 20000)), 201);
  const listed = await ok(api(plans.GET, "GET", "/plans?status=ACTIVE"));
  expect(
    listed.data.map((p: { code: string; taxClassId: string }) => [p.code, p.taxClassId]),
  ).toEqual(
    expect.arrayContaining([
      ["BASIC", tax.id],
      ["FAST", tax.id],
      ["LITE", tax.id],
    ]),
  );
  const customer = await ok(
    api(customers.POST, "POST", "/customers", {
      body: { firstName: "Sipho", lastName: "Ndlovu", email: "sipho@example.test" },
    }),
    201,
  );
  const sub = await ok(
    api(subscriptions.POST, "POST", "/subscriptions", {
      body: { customerId: customer.id, productId: basic.id, startDate: "2027-01-05" },
    }),
    201,
  );

  // The first run holds its invoice for review; the integrator finalises it.
  await runBilling("2027-01-05");
  const drafts = await ok(
    api(invoices.GET, "GET", `/invoices?status=DRAFT&customerId=${customer.id}`),
  );
  expect(drafts.invoices).toHaveLength(1);
  const jan = drafts.invoices[0];
  expect(jan).toMatchObject({ number: null, issueDate: "2027-01-05", dueDate: "2027-01-12" });
  expect(jan.finalizeAfter).toMatch(/^2027-01-06T07:00/); // 24 hours on the sandbox clock
  const janFinal = await ok(
    api(finalize.POST, "POST", `/invoices/${jan.id}/finalize`, { params: { id: jan.id } }),
  );
  expect(janFinal).toMatchObject({ status: "OPEN", number: expect.stringMatching(/^INV-/) });
  expect(await linesOf(jan.id)).toEqual([["RECURRING", "2027-01-05", 28571, 1429, 30000]]);

  // Ten days on: an upgrade to an exclusive-tax plan, prorated from today.
  await moveClock("2027-01-15T07:00:00Z");
  const up = await ok(
    api(changePlan.POST, "POST", `/subscriptions/${sub.id}/change-plan`, {
      params: { id: sub.id },
      body: { productId: fast.id },
    }),
  );
  expect(up).toMatchObject({ kind: "upgrade", effectiveDate: "2027-01-15" });
  // 21 of 31 days: back 203.23 of the inclusive plan, 406.45 + 5 % of the exclusive one.
  expect(await linesOf(up.invoiceIds[0])).toEqual([
    ["PRORATION_CREDIT", "2027-01-15", -19355, -968, -20323],
    ["PRORATION_CHARGE", "2027-01-15", 40645, 2032, 42677],
  ]);
  // Nobody finalises this one: the held-draft sweep does once its 24 hours have passed on the
  // sandbox clock — what the scheduled job calls after syncing the clock.
  const sweep = () =>
    ok(
      api(jobs.POST, "POST", "/jobs/billing.finalize-held/run", {
        params: { name: "billing.finalize-held" },
      }),
    );
  expect(await sweep()).toMatchObject({ status: "SUCCEEDED", result: { finalized: 0 } });
  await moveClock("2027-01-16T07:30:00Z");
  expect(await sweep()).toMatchObject({ status: "SUCCEEDED", result: { finalized: 1 } });
  const held = await ok(
    api(invoice.GET, "GET", `/invoices/${up.invoiceIds[0]}`, { params: { id: up.invoiceIds[0] } }),
  );
  expect(held).toMatchObject({ status: "OPEN" });
  await ok(api(settings.PATCH, "PATCH", "/settings", { body: { invoiceHoldHours: 0 } }));

  // February bills the new plan.
  await moveClock("2027-02-05T07:00:00Z");
  await runBilling("2027-02-05");
  const feb = (
    await ok(api(invoices.GET, "GET", `/invoices?customerId=${customer.id}&from=2027-02-05`))
  ).invoices[0];
  expect(feb).toMatchObject({ status: "OPEN", total: 63000 });
  expect(await linesOf(feb.id)).toEqual([["RECURRING", "2027-02-05", 60000, 3000, 63000]]);

  // A downgrade waits for the period end; the plan now asks 30 days' notice to cancel.
  await moveClock("2027-02-10T07:00:00Z");
  const down = await ok(
    api(changePlan.POST, "POST", `/subscriptions/${sub.id}/change-plan`, {
      params: { id: sub.id },
      body: { productId: lite.id },
    }),
  );
  expect(down).toMatchObject({ kind: "downgrade", effectiveDate: "2027-03-05", invoiceIds: [] });
  await ok(
    api(plan.PATCH, "PATCH", `/plans/${fast.id}`, {
      params: { id: fast.id },
      body: { noticeDays: 30 },
    }),
  );
  await moveClock("2027-02-20T07:00:00Z");
  const cancelled = await ok(
    api(cancel.POST, "POST", `/subscriptions/${sub.id}/cancel`, { params: { id: sub.id } }),
  );
  // Notice on 20 Feb + 30 days = 22 Mar: the first period end on or after it is 5 April.
  expect(cancelled).toEqual({ cancelAt: "2027-04-05", requestedOn: "2027-02-20", invoiceIds: [] });
  const active = await ok(
    api(subscriptions.GET, "GET", `/subscriptions?customerId=${customer.id}&status=ACTIVE`),
  );
  expect(active.data).toEqual([
    expect.objectContaining({
      id: sub.id,
      cancelAt: "2027-04-05",
      cancelRequestedOn: "2027-02-20",
    }),
  ]);

  // March bills the lighter plan; April ends the service without billing it.
  await moveClock("2027-03-05T07:00:00Z");
  await runBilling("2027-03-05");
  await moveClock("2027-04-05T07:00:00Z");
  await runBilling("2027-04-05");
  const ended = await ok(
    api(subscriptions.GET, "GET", `/subscriptions?customerId=${customer.id}&status=CANCELLED`),
  );
  expect(ended.data.map((s: { id: string }) => s.id)).toEqual([sub.id]);
  expect(
    await ok(api(subscription.GET, "GET", `/subscriptions/${sub.id}`, { params: { id: sub.id } })),
  ).toMatchObject({ status: "CANCELLED", productId: lite.id, billedThrough: "2027-04-05" });

  const all = await ok(api(invoices.GET, "GET", `/invoices?customerId=${customer.id}`));
  const totals = all.invoices.map((i: { issueDate: string; total: number; status: string }) => [
    i.issueDate,
    i.total,
    i.status,
  ]);
  expect(totals).toEqual([
    ["2027-03-05", 20000, "OPEN"],
    ["2027-02-05", 63000, "OPEN"],
    ["2027-01-15", 22354, "OPEN"],
    ["2027-01-05", 30000, "OPEN"],
  ]);
  const owed = await ok(
    api(balance.GET, "GET", `/customers/${customer.id}/balance`, { params: { id: customer.id } }),
  );
  // Nothing was paid, and on 5 April every invoice is past its due date (the last on 12 March).
  expect(owed).toEqual({
    customerId: customer.id,
    currency: "ZAR",
    balance: 30000 + 22354 + 63000 + 20000,
    overdue: 30000 + 22354 + 63000 + 20000,
  });

  // Back to real time.
  const real = await ok(api(clock.DELETE, "DELETE", "/sandbox/clock"));
  expect(Math.abs(new Date(real.now).getTime() - Date.now())).toBeLessThan(5000);
});

test("the OpenAPI document describes every operation used above", async () => {
  const { openApiDocument } = await import("@/lib/http/openapi/document");
  const paths = openApiDocument("http://localhost").paths ?? {};
  const ops = Object.entries(paths).flatMap(([path, item]) =>
    Object.keys(item ?? {}).map((method) => `${method.toUpperCase()} ${path}`),
  );
  expect(ops).toEqual(
    expect.arrayContaining([
      "GET /sandbox/clock",
      "PUT /sandbox/clock",
      "DELETE /sandbox/clock",
      "GET /tax-classes",
      "POST /tax-classes",
      "GET /settings",
      "PATCH /settings",
      "GET /plans",
      "POST /plans",
      "PATCH /plans/{id}",
      "GET /subscriptions",
      "POST /subscriptions",
      "POST /subscriptions/{id}/change-plan",
      "POST /subscriptions/{id}/cancel",
      "POST /invoices/{id}/finalize",
      "GET /credit-notes/{id}/pdf",
    ]),
  );
});
