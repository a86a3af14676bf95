// Bad input through /api/v1 is a 400 (413 when too large) naming the field, and changes nothing:
// NUL characters, malformed JSON, impossible dates, numbers that are not plain digits or do not
// fit, and amounts, start dates or run dates that would break billing for everyone.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { db } from "@/lib/db";
import { createIsp } from "@/lib/setup/create-isp";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { setClock } from "@/lib/time/clock";
import { MAX_LINE_AMOUNT } from "@/lib/money/limits";
import { GET as searchCustomers, POST as createCustomer } from "@/app/api/v1/customers/route";
import { POST as createSub } from "@/app/api/v1/subscriptions/route";
import { POST as cancel } from "@/app/api/v1/subscriptions/[id]/cancel/route";
import { GET as listRuns, POST as startRun } from "@/app/api/v1/billing-runs/route";
import { GET as preview } from "@/app/api/v1/billing-runs/preview/route";
import { GET as getInvoice } from "@/app/api/v1/invoices/[id]/route";
import { GET as listInvoices } from "@/app/api/v1/invoices/route";
import { POST as credit } from "@/app/api/v1/invoices/[id]/credit-notes/route";
import { GET as auditLog } from "@/app/api/v1/audit-log/route";
import { callOperation } from "../support/call-api";
import {
  createCustomer as customerRow,
  createProduct,
  createSubscription,
} from "../billing/fixtures";

let key = "";
let supportKey = "";
let subId = "";
let customerId = "";
let productId = "";
beforeAll(async () => {
  setClock(new Date("2026-06-15T10:00:00Z"));
  const admin = await createIsp({
    name: "Bad Input ISP",
    country: "ZA",
    currency: "ZAR",
    timeZone: "Africa/Johannesburg",
    taxRate: 15,
    adminName: "Ada",
    adminEmail: "ada@example.test",
    adminPassword: "long-password-1",
  });
  const actor = { kind: "user" as const, id: admin.id, role: "ADMIN" as const, name: "Ada" };
  key = (await createApiKey({ actor, name: "ci", role: "ADMIN" })).key;
  supportKey = (await createApiKey({ actor, name: "helpdesk", role: "SUPPORT" })).key;
  const tax = await db.taxClass.findFirstOrThrow({ where: { isDefault: true } });
  const product = await createProduct({ taxClassId: tax.id, price: 9_000_000 });
  productId = product.id;
  customerId = (await customerRow()).id;
  subId = (await createSubscription({ customerId, product, startDate: "2026-06-01" })).id;
});
afterAll(() => setClock(undefined));

const fieldsOf = (r: { body: { error?: { fields?: Record<string, string> } } }) =>
  Object.keys(r.body.error?.fields ?? {});

describe("malformed JSON changes nothing", () => {
  test("a broken body to cancel is a 400 and the subscription stays", async () => {
    for (const body of ['{"mode": "IMMEDIATE"', "mode=IMMEDIATE", "nul\u0000l"]) {
      const res = await callOperation(cancel, {
        path: `/api/v1/subscriptions/${subId}/cancel`,
        params: { id: subId },
        key,
        body,
      });
      expect(res).toMatchObject({ status: 400, body: { error: { code: "VALIDATION" } } });
    }
    const sub = await db.subscription.findUniqueOrThrow({ where: { id: subId } });
    expect(sub.cancelAt).toBeNull();
  });

  test("a broken body to billing-runs is a 400 and starts no run", async () => {
    const res = await callOperation(startRun, {
      path: "/api/v1/billing-runs",
      key,
      body: "{asOf:",
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/not valid JSON/);
    expect(await db.billingRun.count()).toBe(0);
  });

  test("a role that may not start runs gets 403 before its body is read", async () => {
    const res = await callOperation(startRun, {
      path: "/api/v1/billing-runs",
      key: supportKey,
      body: "{broken",
    });
    expect(res).toMatchObject({ status: 403, body: { error: { code: "FORBIDDEN" } } });
  });

  test("a body over 1 MB is a 413", async () => {
    const res = await callOperation(createCustomer, {
      path: "/api/v1/customers",
      key,
      body: JSON.stringify({ firstName: "x".repeat(1_100_000) }),
    });
    expect(res).toMatchObject({ status: 413, body: { error: { code: "PAYLOAD_TOO_LARGE" } } });
  });
});

describe("the field at fault is named", () => {
  test("NUL in a query, a body and a path id", async () => {
    const q = await callOperation(searchCustomers, { path: "/api/v1/customers?q=a%00b", key });
    expect([q.status, fieldsOf(q)]).toEqual([400, ["q"]]);
    const body = await callOperation(createCustomer, {
      path: "/api/v1/customers",
      key,
      body: { firstName: "Thandi\u0000", lastName: "Dube", email: "t@example.test" },
    });
    expect([body.status, fieldsOf(body)]).toEqual([400, ["firstName"]]);
    const id = await callOperation(getInvoice, {
      path: "/api/v1/invoices/x%00",
      key,
      params: { id: "x\u0000" },
    });
    expect([id.status, fieldsOf(id)]).toEqual([400, ["id"]]);
    expect(await db.customer.count({ where: { firstName: { startsWith: "Thandi" } } })).toBe(1);
  });

  test("impossible dates", async () => {
    const p = await callOperation(preview, {
      path: "/api/v1/billing-runs/preview?asOf=2025-02-30",
      key,
    });
    expect([p.status, fieldsOf(p)]).toEqual([400, ["asOf"]]);
    const s = await callOperation(createSub, {
      path: "/api/v1/subscriptions",
      key,
      body: { customerId, productId, startDate: "2026-02-29" },
    });
    expect([s.status, fieldsOf(s)]).toEqual([400, ["startDate"]]);
    const f = await callOperation(listInvoices, { path: "/api/v1/invoices?from=2026-13-01", key });
    expect([f.status, fieldsOf(f)]).toEqual([400, ["from"]]);
  });

  test("numbers: not digits, beyond 64 bits, out of range", async () => {
    for (const limit of ["abc", "1e3", "99999999999999999999", "0", "-1", "2.5"]) {
      const res = await callOperation(listRuns, {
        path: `/api/v1/billing-runs?limit=${limit}`,
        key,
      });
      expect([limit, res.status, fieldsOf(res)]).toEqual([limit, 400, ["limit"]]);
    }
    const cursor = await callOperation(auditLog, {
      path: "/api/v1/audit-log?before=99999999999999999999",
      key,
    });
    expect([cursor.status, fieldsOf(cursor)]).toEqual([400, ["before"]]);
    for (const quantity of ["1e3", "12abc", 1001, 1.5]) {
      const res = await callOperation(createSub, {
        path: "/api/v1/subscriptions",
        key,
        body: { customerId, productId, startDate: "2026-06-15", quantity },
      });
      expect([quantity, res.status, fieldsOf(res)]).toEqual([quantity, 400, ["quantity"]]);
    }
    const huge = await callOperation(credit, {
      path: "/api/v1/invoices/x/credit-notes",
      params: { id: "x" },
      key,
      body: { amount: 1e12, reason: "typo" },
    });
    expect([huge.status, fieldsOf(huge)]).toEqual([400, ["amount"]]);
  });
});

describe("guardrails that keep one record from stopping billing", () => {
  test("price × quantity must fit an invoice line", async () => {
    const res = await callOperation(createSub, {
      path: "/api/v1/subscriptions",
      key,
      body: { customerId, productId, startDate: "2026-06-15", quantity: 2 },
    });
    expect([res.status, fieldsOf(res)]).toEqual([400, ["quantity"]]);
    expect(9_000_000 * 2).toBeGreaterThan(MAX_LINE_AMOUNT);
  });

  test("a subscription may not start more than 90 days ago", async () => {
    const old = await callOperation(createSub, {
      path: "/api/v1/subscriptions",
      key,
      body: { customerId, productId, startDate: "2026-03-16" },
    });
    expect([old.status, fieldsOf(old)]).toEqual([400, ["startDate"]]);
    const ok = await callOperation(createSub, {
      path: "/api/v1/subscriptions",
      key,
      body: { customerId, productId, startDate: "2026-03-17" },
    });
    expect(ok.status).toBe(201);
  });

  test("a billing run is dated at most a day ahead; it answers 202 with the run", async () => {
    const ahead = await callOperation(startRun, {
      path: "/api/v1/billing-runs",
      key,
      body: { asOf: "2026-06-17" },
    });
    expect([ahead.status, fieldsOf(ahead)]).toEqual([400, ["asOf"]]);
    const tomorrow = await callOperation(startRun, {
      path: "/api/v1/billing-runs",
      key,
      body: { asOf: "2026-06-16" },
    });
    expect(tomorrow).toMatchObject({ status: 202, body: { asOf: "2026-06-16" } });
    expect(tomorrow.body.id).toEqual(expect.any(String));
  });
});
