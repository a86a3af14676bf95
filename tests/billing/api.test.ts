// Driving billing from outside through /api/v1 with an API key: subscribe, run, read invoices,
// change plan, cancel, credit, balance. Money in minor units, dates YYYY-MM-DD.
import { afterEach, beforeAll, expect, test } from "vitest";
import { NextRequest } from "next/server";
import { db } from "@/lib/db";
import { createIsp } from "@/lib/setup/create-isp";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { setClock } from "@/lib/time/clock";
import { POST as createSub } from "@/app/api/v1/subscriptions/route";
import { GET as getSub } from "@/app/api/v1/subscriptions/[id]/route";
import { POST as changePlanRoute } from "@/app/api/v1/subscriptions/[id]/change-plan/route";
import { POST as cancelRoute } from "@/app/api/v1/subscriptions/[id]/cancel/route";
import { GET as listRuns, POST as startRun } from "@/app/api/v1/billing-runs/route";
import { GET as listInvoicesRoute } from "@/app/api/v1/invoices/route";
import { GET as getInvoiceRoute } from "@/app/api/v1/invoices/[id]/route";
import { POST as creditRoute } from "@/app/api/v1/invoices/[id]/credit-notes/route";
import { GET as pdfRoute } from "@/app/api/v1/invoices/[id]/pdf/route";
import { GET as balanceRoute } from "@/app/api/v1/customers/[id]/balance/route";
import type { OperationSpec } from "@/lib/http/define-operation";
import { expectDocumented } from "../support/expect-documented";
import { createCustomer, createProduct, travelTo } from "./fixtures";

let key = "";
let supportKey = "";
beforeAll(async () => {
  const admin = await createIsp({
    name: "API ISP",
    country: "ZA",
    currency: "ZAR",
    timeZone: "Africa/Johannesburg",
    taxRate: 15,
    adminName: "Ada",
    adminEmail: "ada@example.test",
    adminPassword: "long-password-1",
  });
  const actor = { kind: "user" as const, id: admin.id, role: "ADMIN" as const, name: "Ada" };
  key = (await createApiKey({ actor: actor, name: "billing integration", role: "ACCOUNTS" })).key;
  supportKey = (await createApiKey({ actor: actor, name: "helpdesk", role: "SUPPORT" })).key;
});
afterEach(() => setClock(undefined));

type Handler = (
  req: NextRequest,
  ctx: { params: Promise<Record<string, string>> },
) => Promise<Response>;
async function call(
  handler: unknown,
  method: string,
  path: string,
  opts: { body?: unknown; params?: Record<string, string>; key?: string } = {},
) {
  const req = new NextRequest(`http://localhost/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${opts.key ?? key}`, "content-type": "application/json" },
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
  });
  const res = await (handler as Handler)(req, { params: Promise.resolve(opts.params ?? {}) });
  const type = res.headers.get("content-type") ?? "";
  const body = type.includes("json") ? await res.json() : await res.arrayBuffer();
  expectDocumented((handler as { operation: OperationSpec }).operation, res.status, body);
  return { status: res.status, body };
}

test("a customer's billing driven entirely through the REST API", async () => {
  const tax = await db.taxClass.findFirstOrThrow({ where: { isDefault: true } });
  const basic = await createProduct({ taxClassId: tax.id, price: 30000 });
  const fast = await createProduct({ taxClassId: tax.id, price: 60000 });
  const c = await createCustomer();
  travelTo("2026-04-01");

  const sub = await call(createSub, "POST", "/subscriptions", {
    body: { customerId: c.id, productId: basic.id, startDate: "2026-04-01" },
  });
  expect(sub.status).toBe(201);
  expect(sub.body).toMatchObject({
    status: "ACTIVE",
    price: 30000,
    interval: "MONTH",
    cycleMode: "ANNIVERSARY",
    anchorDay: 1,
    nextBillDate: "2026-04-01",
  });

  const run = await call(startRun, "POST", "/billing-runs", {
    body: { asOf: "2026-04-01", wait: true },
  });
  expect(run.status).toBe(200);
  expect(run.body).toMatchObject({ asOf: "2026-04-01", status: "COMPLETED", invoicesCreated: 1 });
  expect((await call(listRuns, "GET", "/billing-runs")).body.runs[0].id).toBe(run.body.id);

  const list = await call(listInvoicesRoute, "GET", `/invoices?customerId=${c.id}`);
  expect(list.body.invoices).toHaveLength(1);
  const invoiceId = list.body.invoices[0].id;
  const inv = await call(getInvoiceRoute, "GET", `/invoices/${invoiceId}`, {
    params: { id: invoiceId },
  });
  expect(inv.body).toMatchObject({
    status: "OPEN",
    issueDate: "2026-04-01",
    dueDate: "2026-04-08",
    total: 30000,
    taxTotal: 3913,
    currency: "ZAR",
  });
  expect(inv.body.number).toMatch(/^INV-/);
  expect(inv.body.lines[0]).toMatchObject({
    kind: "RECURRING",
    periodStart: "2026-04-01",
    periodEnd: "2026-05-01",
    periodLast: "2026-04-30",
    totalAmount: 30000,
    taxRate: "15",
  });
  expect(inv.body.taxes).toEqual([{ rate: "15.0000", netAmount: 26087, taxAmount: 3913 }]);

  travelTo("2026-04-11");
  const up = await call(changePlanRoute, "POST", `/subscriptions/${sub.body.id}/change-plan`, {
    params: { id: sub.body.id },
    body: { productId: fast.id },
  });
  expect(up.body).toMatchObject({ kind: "upgrade", effectiveDate: "2026-04-11" });
  expect(up.body.invoiceIds).toHaveLength(1);

  const credit = await call(creditRoute, "POST", `/invoices/${invoiceId}/credit-notes`, {
    params: { id: invoiceId },
    body: { amount: 5000, reason: "outage" },
  });
  expect(credit.status).toBe(201);
  expect(credit.body).toMatchObject({ total: 5000, number: expect.stringMatching(/^CN-/) });
  const tooMuch = await call(creditRoute, "POST", `/invoices/${invoiceId}/credit-notes`, {
    params: { id: invoiceId },
    body: { amount: 25001, reason: "x" },
  });
  expect(tooMuch).toMatchObject({ status: 422, body: { error: { code: "UNPROCESSABLE" } } });

  const cancel = await call(cancelRoute, "POST", `/subscriptions/${sub.body.id}/cancel`, {
    params: { id: sub.body.id },
    body: {},
  });
  expect(cancel.body).toEqual({
    cancelAt: "2026-05-01",
    requestedOn: "2026-04-11",
    invoiceIds: [],
  });
  expect(
    (await call(getSub, "GET", `/subscriptions/${sub.body.id}`, { params: { id: sub.body.id } }))
      .body,
  ).toMatchObject({ price: 60000, cancelAt: "2026-05-01" });

  const balance = await call(balanceRoute, "GET", `/customers/${c.id}/balance`, {
    params: { id: c.id },
  });
  expect(balance.body).toEqual({
    customerId: c.id,
    currency: "ZAR",
    balance: 30000 + 20000 - 5000,
    overdue: 25000,
  }); // the 1 April invoice was due on the 8th

  const pdf = await call(pdfRoute, "GET", `/invoices/${invoiceId}/pdf`, {
    params: { id: invoiceId },
  });
  expect(pdf.status).toBe(200);
  expect(
    Buffer.from(pdf.body as ArrayBuffer)
      .subarray(0, 5)
      .toString(),
  ).toBe("%PDF-");

  const denied = await call(startRun, "POST", "/billing-runs", {
    body: { asOf: "2026-04-01", wait: true },
    key: supportKey,
  });
  expect(denied.status).toBe(403);
  const invalid = await call(createSub, "POST", "/subscriptions", {
    body: { customerId: c.id, productId: basic.id, startDate: "2026-02-30" },
  });
  expect(invalid).toMatchObject({ status: 400, body: { error: { code: "VALIDATION" } } });
});

test("POST /customers creates a billable customer; the OpenAPI document lists the billing operations", async () => {
  const { POST: createCustomerRoute } = await import("@/app/api/v1/customers/route");
  const res = await call(createCustomerRoute, "POST", "/customers", {
    body: {
      firstName: "Lindiwe",
      lastName: "Dube",
      email: "Lindiwe@Example.test",
      billingAddress: { line1: "3 Vine St", city: "Paarl" },
    },
  });
  expect(res.status).toBe(201);
  expect(res.body).toMatchObject({
    accountNumber: expect.stringMatching(/^C\d{6}$/),
    currency: "ZAR",
    email: "lindiwe@example.test",
  });
  expect(res.body.paymentReference).toBe(res.body.accountNumber);
  const { openApiDocument } = await import("@/lib/http/openapi/document");
  const doc = openApiDocument("http://localhost") as unknown as {
    paths: Record<string, Record<string, unknown>>;
  };
  expect(Object.keys(doc.paths["/customers"]).sort()).toEqual(["get", "post"]);
  for (const p of [
    "/subscriptions",
    "/subscriptions/{id}/change-plan",
    "/subscriptions/{id}/cancel",
    "/billing-runs",
    "/billing-runs/{id}",
    "/invoices",
    "/invoices/{id}",
    "/customers/{id}/balance",
  ]) {
    expect(doc.paths[p], p).toBeDefined();
  }
});
