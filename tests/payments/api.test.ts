// /api/v1/payments with API keys: record (oldest due first or chosen), list with filters, read,
// reverse; 4xx for bad input, wrong currency, unknown ids and roles that may not; and
// `Idempotency-Key` with Stripe's semantics (same key and body → the first result again, another
// body → 422, per API key, a request still running → 409, invalid input does not use up the key).
import { beforeAll, describe, expect, test } from "vitest";
import { NextRequest } from "next/server";
import { db } from "@/lib/db";
import { createIsp } from "@/lib/setup/create-isp";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { openApiDocument } from "@/lib/http/openapi/document";
import { GET as list, POST as create } from "@/app/api/v1/payments/route";
import { GET as getOne } from "@/app/api/v1/payments/[id]/route";
import { POST as reverse } from "@/app/api/v1/payments/[id]/reverse/route";
import { customerWithInvoices } from "./fixtures";

const keys = { accounts: "", accounts2: "", support: "", sales: "" };
let accountsKeyId = "";
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
  const acc = await createApiKey({ actor, name: "bank sync", role: "ACCOUNTS" });
  keys.accounts = acc.key;
  accountsKeyId = acc.id;
  keys.accounts2 = (await createApiKey({ actor, name: "till", role: "ACCOUNTS" })).key;
  keys.support = (await createApiKey({ actor, name: "helpdesk", role: "SUPPORT" })).key;
  keys.sales = (await createApiKey({ actor, name: "crm", role: "SALES" })).key;
});

type Handler = (
  req: NextRequest,
  ctx: { params: Promise<Record<string, string>> },
) => Promise<Response>;
async function call(
  handler: unknown,
  method: string,
  path: string,
  opts: {
    body?: unknown;
    raw?: string;
    params?: Record<string, string>;
    key?: string;
    idempotencyKey?: string;
  } = {},
) {
  const headers: Record<string, string> = {
    authorization: `Bearer ${opts.key ?? keys.accounts}`,
    "content-type": "application/json",
  };
  if (opts.idempotencyKey) headers["idempotency-key"] = opts.idempotencyKey;
  const req = new NextRequest(`http://localhost/api/v1${path}`, {
    method,
    headers,
    body: opts.raw ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body)),
  });
  const res = await (handler as Handler)(req, { params: Promise.resolve(opts.params ?? {}) });
  return { status: res.status, headers: res.headers, body: await res.json() };
}

const body = (customerId: string, over: Record<string, unknown> = {}) => ({
  customerId,
  amount: 45000,
  currency: "ZAR",
  method: "EFT",
  reference: "FNB 7781",
  receivedOn: "2026-03-02",
  ...over,
});

describe("recording and reading", () => {
  test("POST records and allocates oldest due first; GET reads it back; filters narrow the list", async () => {
    const { customer, invoices } = await customerWithInvoices(2);
    const res = await call(create, "POST", "/payments", { body: body(customer.id) });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      customerId: customer.id,
      amount: 45000,
      currency: "ZAR",
      method: "EFT",
      provider: "MANUAL",
      status: "SUCCEEDED",
      reference: "FNB 7781",
      receivedOn: "2026-03-02",
      unallocated: 0,
      allocations: [
        { invoiceId: invoices[0].id, amount: 30000 },
        { invoiceId: invoices[1].id, amount: 15000 },
      ],
    });
    const got = await call(getOne, "GET", `/payments/${res.body.id}`, {
      params: { id: res.body.id },
      key: keys.support,
    });
    expect(got).toMatchObject({ status: 200, body: { id: res.body.id, number: res.body.number } });
    const chosen = await call(create, "POST", "/payments", {
      body: body(customer.id, {
        amount: 20000,
        method: "CASH",
        receivedOn: "2026-03-03",
        allocations: [{ invoiceId: invoices[1].id, amount: 5000 }],
      }),
    });
    expect(chosen.body).toMatchObject({ unallocated: 15000, allocations: [{ amount: 5000 }] });
    const listed = await call(
      list,
      "GET",
      `/payments?customerId=${customer.id}&unallocated=true&method=CASH&from=2026-03-03&to=2026-03-03`,
    );
    expect(listed.status).toBe(200);
    expect(listed.body.payments.map((p: { id: string }) => p.id)).toEqual([chosen.body.id]);
    expect(listed.body.nextCursor).toBeNull();
  });

  test("bad input is a 400, a wrong currency 422, unknown ids 404, other roles 403", async () => {
    const { customer, invoices } = await customerWithInvoices(1);
    const cases: [Record<string, unknown> | string, number, string?][] = [
      [body(customer.id, { amount: 10.5 }), 400, "amount"],
      [body(customer.id, { amount: -5 }), 400, "amount"],
      [body(customer.id, { receivedOn: "2026-02-30" }), 400, "receivedOn"],
      [body(customer.id, { method: "BITCOIN" }), 400, "method"],
      [body(customer.id, { reference: "a\u0000b" }), 400, "reference"],
      ["{not json", 400],
      [body(customer.id, { currency: "USD" }), 422, "currency"],
      [body(customer.id, { allocations: [{ invoiceId: invoices[0].id, amount: 30001 }] }), 422],
      [body("no-such-customer"), 404],
    ];
    for (const [payload, status, field] of cases) {
      const res = await call(
        create,
        "POST",
        "/payments",
        typeof payload === "string" ? { raw: payload } : { body: payload },
      );
      expect(res.status, JSON.stringify(payload)).toBe(status);
      expect(res.body.error.code).toEqual(expect.any(String));
      if (field) expect(Object.keys(res.body.error.fields ?? {})).toContain(field);
    }
    expect(await db.payment.count({ where: { customerId: customer.id } })).toBe(0);
    expect(
      (await call(create, "POST", "/payments", { body: body(customer.id), key: keys.sales }))
        .status,
    ).toBe(403);
    expect(
      (await call(create, "POST", "/payments", { body: body(customer.id), key: keys.support }))
        .status,
    ).toBe(403);
    expect((await call(list, "GET", "/payments", { key: keys.sales })).status).toBe(403);
    expect((await call(getOne, "GET", "/payments/nope", { params: { id: "nope" } })).status).toBe(
      404,
    );
  });

  test("reverse re-opens the invoice; a second reversal is a 409", async () => {
    const { customer, invoices } = await customerWithInvoices(1);
    const p = await call(create, "POST", "/payments", {
      body: body(customer.id, { amount: 30000 }),
    });
    const first = await call(reverse, "POST", `/payments/${p.body.id}/reverse`, {
      params: { id: p.body.id },
      body: { reason: "Cheque bounced" },
    });
    expect(first).toMatchObject({
      status: 200,
      body: { status: "REVERSED", reversalReason: "Cheque bounced" },
    });
    expect((await db.invoice.findUniqueOrThrow({ where: { id: invoices[0].id } })).status).toBe(
      "OPEN",
    );
    const again = await call(reverse, "POST", `/payments/${p.body.id}/reverse`, {
      params: { id: p.body.id },
      body: { reason: "Cheque bounced" },
    });
    expect(again.status).toBe(409);
    const noReason = await call(reverse, "POST", `/payments/${p.body.id}/reverse`, {
      params: { id: p.body.id },
      body: {},
    });
    expect(noReason.status).toBe(400);
  });

  test("the OpenAPI document describes the payment operations", () => {
    const doc = openApiDocument("http://localhost") as unknown as {
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    };
    expect(Object.keys(doc.paths["/payments"])).toEqual(["get", "post"]);
    expect(doc.paths["/payments"].post.responses).toHaveProperty("201");
    expect(doc.paths["/payments"].post.responses).toHaveProperty("422");
    expect(doc.paths["/payments/{id}/reverse"].post.responses).toHaveProperty("200");
    expect(doc.paths["/payments/{id}"]).toHaveProperty("get");
  });
});

describe("Idempotency-Key", () => {
  test("the same key and body replay the first result; nothing is recorded twice", async () => {
    const { customer } = await customerWithInvoices(1);
    const first = await call(create, "POST", "/payments", {
      body: body(customer.id),
      idempotencyKey: "pay-0001",
    });
    expect(first.status).toBe(201);
    expect(first.headers.get("idempotent-replayed")).toBeNull();
    // Same parameters in another key order and spacing: the same request.
    const replay = await call(create, "POST", "/payments", {
      raw: JSON.stringify({ ...body(customer.id), method: "EFT" }, null, 2),
      idempotencyKey: "pay-0001",
    });
    expect(replay.status).toBe(201);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(replay.body).toEqual(first.body);
    expect(await db.payment.count({ where: { customerId: customer.id } })).toBe(1);
    const stored = await db.idempotencyKey.findFirstOrThrow({ where: { key: "pay-0001" } });
    expect(stored).toMatchObject({
      scope: accountsKeyId,
      responseStatus: 201,
      path: "/api/v1/payments",
    });
  });

  test("the same key with another body is a 422 and changes nothing", async () => {
    const { customer } = await customerWithInvoices(1);
    await call(create, "POST", "/payments", {
      body: body(customer.id),
      idempotencyKey: "pay-0002",
    });
    const other = await call(create, "POST", "/payments", {
      body: body(customer.id, { amount: 45001 }),
      idempotencyKey: "pay-0002",
    });
    expect(other.status).toBe(422);
    expect(other.body.error).toMatchObject({
      code: "UNPROCESSABLE",
      fields: { "Idempotency-Key": expect.any(String) },
    });
    // The same key on another endpoint is "another request" too.
    const elsewhere = await call(reverse, "POST", "/payments/x/reverse", {
      params: { id: "x" },
      body: { reason: "x" },
      idempotencyKey: "pay-0002",
    });
    expect(elsewhere.status).toBe(422);
    expect(await db.payment.count({ where: { customerId: customer.id } })).toBe(1);
  });

  test("keys belong to their API key; a use-case refusal is replayed; a schema refusal does not use the key", async () => {
    const { customer } = await customerWithInvoices(1);
    const a = await call(create, "POST", "/payments", {
      body: body(customer.id),
      idempotencyKey: "shared",
    });
    const b = await call(create, "POST", "/payments", {
      body: body(customer.id),
      idempotencyKey: "shared",
      key: keys.accounts2,
    });
    expect(b.status).toBe(201);
    expect(b.body.id).not.toBe(a.body.id);

    const wrong = await call(create, "POST", "/payments", {
      body: body(customer.id, { currency: "EUR" }),
      idempotencyKey: "eur-1",
    });
    expect(wrong.status).toBe(422);
    const wrongAgain = await call(create, "POST", "/payments", {
      body: body(customer.id, { currency: "EUR" }),
      idempotencyKey: "eur-1",
    });
    expect(wrongAgain).toMatchObject({ status: 422, body: wrong.body });
    expect(wrongAgain.headers.get("idempotent-replayed")).toBe("true");

    const invalid = await call(create, "POST", "/payments", {
      body: body(customer.id, { amount: "lots" }),
      idempotencyKey: "fix-1",
    });
    expect(invalid.status).toBe(400);
    const fixed = await call(create, "POST", "/payments", {
      body: body(customer.id, { amount: 100 }),
      idempotencyKey: "fix-1",
    });
    expect(fixed.status).toBe(201);
    // Invalid input the use case refuses (a date in the future) does not use the key either.
    const future = await call(create, "POST", "/payments", {
      body: body(customer.id, { receivedOn: "2030-01-01" }),
      idempotencyKey: "fix-2",
    });
    expect(future.status).toBe(400);
    const corrected = await call(create, "POST", "/payments", {
      body: body(customer.id),
      idempotencyKey: "fix-2",
    });
    expect(corrected.status).toBe(201);
  });

  test("a request still running with the key is a 409; a bad key is a 400; expired keys run again", async () => {
    const { customer } = await customerWithInvoices(1);
    const path = "/api/v1/payments";
    const { requestHash } = await import("@/lib/http/idempotency");
    await db.idempotencyKey.create({
      data: {
        scope: accountsKeyId,
        key: "busy",
        method: "POST",
        path,
        requestHash: requestHash("POST", path, body(customer.id)),
        createdAt: new Date(),
      },
    });
    const busy = await call(create, "POST", "/payments", {
      body: body(customer.id),
      idempotencyKey: "busy",
    });
    expect(busy.status).toBe(409);
    const bad = await call(create, "POST", "/payments", {
      body: body(customer.id),
      idempotencyKey: "x".repeat(256),
    });
    expect(bad.status).toBe(400);
    await db.idempotencyKey.update({
      where: { scope_key: { scope: accountsKeyId, key: "busy" } },
      data: { createdAt: new Date(Date.now() - 25 * 3600_000) },
    });
    const later = await call(create, "POST", "/payments", {
      body: body(customer.id),
      idempotencyKey: "busy",
    });
    expect(later.status).toBe(201);
  });

  test("two requests racing with one key record one payment", async () => {
    const { customer } = await customerWithInvoices(1);
    const results = await Promise.all(
      [1, 2, 3].map(() =>
        call(create, "POST", "/payments", { body: body(customer.id), idempotencyKey: "race-1" }),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201).length).toBeGreaterThanOrEqual(1);
    expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
    expect(new Set(results.filter((r) => r.status === 201).map((r) => r.body.id)).size).toBe(1);
    expect(await db.payment.count({ where: { customerId: customer.id } })).toBe(1);
  });

  test("reverse honours the key too", async () => {
    const { customer } = await customerWithInvoices(1);
    const p = await call(create, "POST", "/payments", { body: body(customer.id) });
    const args = {
      params: { id: p.body.id },
      body: { reason: "duplicate entry" },
      idempotencyKey: "rev-1",
    };
    const first = await call(reverse, "POST", `/payments/${p.body.id}/reverse`, args);
    const second = await call(reverse, "POST", `/payments/${p.body.id}/reverse`, args);
    expect(first.status).toBe(200);
    expect(second).toMatchObject({ status: 200, body: first.body });
    expect(
      await db.ledgerEntry.count({ where: { paymentId: p.body.id, kind: "PAYMENT_REVERSAL" } }),
    ).toBe(1);
  });
});
