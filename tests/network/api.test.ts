// The network API with real API keys: NAS entries, a service's credentials (audited), daily
// usage, sessions from radacct, a disconnect answered by a NAS, and suspend/resume that the
// network follows (the event goes out).
import { randomBytes } from "node:crypto";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, expect, test } from "vitest";
import { GET as listNasRoute, POST as createNasRoute } from "@/app/api/v1/nas/route";
import { GET as sessionsRoute } from "@/app/api/v1/sessions/route";
import { GET as credentialsRoute } from "@/app/api/v1/subscriptions/[id]/credentials/route";
import { POST as disconnectRoute } from "@/app/api/v1/subscriptions/[id]/disconnect/route";
import { POST as resumeRoute } from "@/app/api/v1/subscriptions/[id]/resume/route";
import { POST as suspendRoute } from "@/app/api/v1/subscriptions/[id]/suspend/route";
import { GET as usageRoute } from "@/app/api/v1/subscriptions/[id]/usage/route";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { SYSTEM } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { onEvent } from "@/lib/events/publish";
import { openApiDocument } from "@/lib/http/openapi/document";
import type { Role } from "@/lib/generated/prisma/enums";
import { toDbDate } from "@/lib/time/dates";
import {
  createCustomer,
  createProduct,
  createSubscription,
  setupIsp,
  travelTo,
} from "../billing/fixtures";
import { startCoaListener } from "./freeradius";

type Handler = (
  req: NextRequest,
  ctx: { params: Promise<Record<string, string>> },
) => Promise<Response>;
const keys = {} as Record<Role, string>;
let subId = "";
let customerId = "";
let listener: Awaited<ReturnType<typeof startCoaListener>>;

async function call(
  handler: Handler,
  method: string,
  path: string,
  opts: { role: Role; params?: Record<string, string>; body?: unknown },
) {
  const req = new NextRequest(`http://localhost/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${keys[opts.role]}`, "content-type": "application/json" },
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
  });
  const res = await handler(req, { params: Promise.resolve(opts.params ?? {}) });
  return { status: res.status, body: await res.json() };
}

beforeAll(async () => {
  process.env.ENCRYPTION_KEY = randomBytes(32).toString("base64");
  const { vat } = await setupIsp();
  travelTo("2026-11-10");
  for (const role of ["ADMIN", "TECHNICIAN", "SUPPORT", "SALES", "ACCOUNTS"] as Role[])
    keys[role] = (await createApiKey({ actor: SYSTEM, name: role.toLowerCase(), role })).key;
  const plan = await createProduct({ taxClassId: vat.id, downloadMbps: 50, uploadMbps: 50 });
  const c = await createCustomer({ accountNumber: "API-1" });
  customerId = c.id;
  subId = (await createSubscription({ customerId, product: plan, startDate: "2026-11-01" })).id;
  listener = await startCoaListener("api-nas-secret", "127.0.0.3");
});

afterAll(() => listener?.close());

test("NAS entries: technicians add them, the secret never comes back, addresses are unique", async () => {
  const input = {
    name: "bras-api",
    ipAddress: "127.0.0.3",
    type: "MIKROTIK",
    secret: "api-nas-secret",
    coaPort: listener.port,
  };
  const created = await call(createNasRoute, "POST", "/nas", { role: "TECHNICIAN", body: input });
  expect(created.status).toBe(201);
  expect(created.body).toMatchObject({
    name: "bras-api",
    ipAddress: "127.0.0.3",
    coaPort: listener.port,
  });
  expect(JSON.stringify(created.body)).not.toContain("api-nas-secret");
  const stored = await db.nas.findUniqueOrThrow({ where: { ipAddress: "127.0.0.3" } });
  expect(stored.secret).not.toContain("api-nas-secret"); // encrypted at rest

  expect((await call(createNasRoute, "POST", "/nas", { role: "ADMIN", body: input })).status).toBe(
    409,
  );
  const bad = await call(createNasRoute, "POST", "/nas", {
    role: "ADMIN",
    body: { ...input, ipAddress: "not-an-ip" },
  });
  expect(bad.status).toBe(400);
  expect((await call(createNasRoute, "POST", "/nas", { role: "SALES", body: input })).status).toBe(
    403,
  );
  const list = await call(listNasRoute, "GET", "/nas", { role: "SUPPORT" });
  expect(list.body.data.map((n: { name: string }) => n.name)).toEqual(["bras-api"]);
});

test("a technician reads a service's PPPoE credentials; each view is audited; support may not", async () => {
  const path = `/subscriptions/${subId}/credentials`;
  const res = await call(credentialsRoute, "GET", path, {
    role: "TECHNICIAN",
    params: { id: subId },
  });
  expect(res.status).toBe(200);
  expect(res.body).toEqual({ username: "api-1", password: expect.stringMatching(/^\w{12}$/) });
  expect(
    await db.auditLog.count({
      where: { action: "subscription.view_credentials", entityId: subId },
    }),
  ).toBe(1);
  expect(
    (await call(credentialsRoute, "GET", path, { role: "SUPPORT", params: { id: subId } })).status,
  ).toBe(403);
});

test("usage per day over a range, every day present, bytes as integers", async () => {
  await db.usageDaily.create({
    data: {
      subscriptionId: subId,
      date: toDbDate("2026-11-09"),
      downloadBytes: 5n * 2n ** 32n + 7n,
      uploadBytes: 123n,
    },
  });
  const get = (query: string) =>
    call(usageRoute, "GET", `/subscriptions/${subId}/usage${query}`, {
      role: "SUPPORT",
      params: { id: subId },
    });
  const res = await get("?from=2026-11-08&to=2026-11-10");
  expect(res.body).toEqual({
    data: [
      { date: "2026-11-08", downloadBytes: 0, uploadBytes: 0 },
      { date: "2026-11-09", downloadBytes: 5 * 2 ** 32 + 7, uploadBytes: 123 },
      { date: "2026-11-10", downloadBytes: 0, uploadBytes: 0 },
    ],
  });
  expect((await get("")).body.data).toHaveLength(30); // the last 30 days by default
  expect((await get("?from=2026-11-10&to=2026-11-01")).status).toBe(400);
  expect((await get("?from=10-11-2026")).status).toBe(400);
  expect((await get("?from=2025-01-01&to=2026-11-10")).status).toBe(400);
  const missing = await call(usageRoute, "GET", "/subscriptions/nope/usage", {
    role: "ADMIN",
    params: { id: "nope" },
  });
  expect(missing.status).toBe(404);
});

test("open sessions by customer come from radacct; a disconnect reaches the NAS and is answered", async () => {
  const username = (await db.subscription.findUniqueOrThrow({ where: { id: subId } }))
    .radiusUsername!;
  // What FreeRADIUS writes for a Start (and a Stop of an earlier session).
  await db.$executeRawUnsafe(
    `INSERT INTO radacct (acctsessionid, acctuniqueid, username, nasipaddress, acctstarttime, acctupdatetime, acctstoptime, acctinputoctets, acctoutputoctets, framedipaddress)
     VALUES ('old-1', 'u-old-1', $1, '127.0.0.3', '2026-11-09T08:00Z', '2026-11-09T09:00Z', '2026-11-09T09:00Z', 10, 20, NULL),
            ('live-1', 'u-live-1', $1, '127.0.0.3', '2026-11-10T06:00Z', '2026-11-10T06:30Z', NULL, 1000, 2000, '100.64.1.9')`,
    username,
  );
  const open = await call(sessionsRoute, "GET", `/sessions?customerId=${customerId}`, {
    role: "SUPPORT",
  });
  expect(open.body.data).toEqual([
    expect.objectContaining({
      acctSessionId: "live-1",
      subscriptionId: subId,
      nasIp: "127.0.0.3",
      framedIp: "100.64.1.9",
      downloadBytes: 2000,
      uploadBytes: 1000,
      stoppedAt: null,
    }),
  ]);
  const all = await call(sessionsRoute, "GET", `/sessions?customerId=${customerId}&state=all`, {
    role: "SUPPORT",
  });
  expect(all.body.data.map((s: { acctSessionId: string }) => s.acctSessionId)).toEqual([
    "live-1",
    "old-1",
  ]);

  const arriving = listener.next();
  const res = await call(disconnectRoute, "POST", `/subscriptions/${subId}/disconnect`, {
    role: "TECHNICIAN",
    params: { id: subId },
  });
  expect(res.body).toEqual({
    sessions: [
      { acctSessionId: "live-1", nasIp: "127.0.0.3", result: "ACK", errorCause: null, error: null },
    ],
  });
  const request = await arriving;
  expect(request.code).toBe("Disconnect-Request");
  expect(request.attributes["Acct-Session-Id"]).toBe("live-1");
  expect(
    await db.coaLog.count({
      where: { subscriptionId: subId, reason: "disconnect", result: "ACK" },
    }),
  ).toBe(1);
});

test("suspend and resume through the API; the network hears of each", async () => {
  const events: string[] = [];
  const stop = onEvent(
    (e) => void events.push(`${e.name} ${(e.data as { change: string }).change}`),
  );
  try {
    const path = `/subscriptions/${subId}`;
    const suspended = await call(suspendRoute, "POST", `${path}/suspend`, {
      role: "ACCOUNTS",
      params: { id: subId },
      body: { reason: "non-payment" },
    });
    expect(suspended.body).toEqual({
      subscriptionId: subId,
      status: "SUSPENDED",
      date: "2026-11-10",
    });
    const resumed = await call(resumeRoute, "POST", `${path}/resume`, {
      role: "ADMIN",
      params: { id: subId },
      body: {},
    });
    expect(resumed.body).toEqual({ subscriptionId: subId, status: "ACTIVE", date: "2026-11-10" });
    expect(events).toEqual([
      "subscriptions/subscription.changed suspend",
      "subscriptions/subscription.changed resume",
    ]);
    expect(
      (
        await call(suspendRoute, "POST", `${path}/suspend`, {
          role: "TECHNICIAN",
          params: { id: subId },
          body: {},
        })
      ).status,
    ).toBe(403);
  } finally {
    stop();
  }
});

test("the API document lists the network operations", () => {
  const paths = openApiDocument("http://localhost").paths ?? {};
  expect(Object.keys(paths["/nas"] ?? {}).sort()).toEqual(["get", "post"]);
  for (const p of ["usage", "disconnect", "credentials", "suspend", "resume"])
    expect(paths[`/subscriptions/{id}/${p}`]).toBeDefined();
  expect(paths["/sessions"]?.get).toBeDefined();
});
