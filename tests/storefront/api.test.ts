import { randomBytes } from "node:crypto";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, test } from "vitest";
import { db } from "@/lib/db";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { placeOrder } from "@/lib/orders/place-order";
import { GET as feasibility } from "@/app/api/v1/feasibility/route";
import { GET as listPlans, POST as createPlan } from "@/app/api/v1/plans/route";
import { GET as listAreas, POST as createArea } from "@/app/api/v1/coverage-areas/route";
import { GET as listOrders } from "@/app/api/v1/orders/route";
import { GET as getOrder } from "@/app/api/v1/orders/[id]/route";
import { openApiDocument } from "@/lib/http/openapi/document";
import { SOCKET_IP_HEADER } from "@/lib/http/client-ip";
import type { OperationSpec } from "@/lib/http/define-operation";
import { expectDocumented } from "../support/expect-documented";
import { draft, signed } from "../orders/checkout-fixture";
import { POINTS, seedStorefront } from "./fixtures";

type Handler = (req: NextRequest, ctx: { params: Promise<never> }) => Promise<Response>;
const call = async (
  h: unknown,
  path: string,
  opts: { key?: string; body?: unknown; params?: unknown; ip?: string } = {},
) => {
  // As scripts/start.ts hands the socket address to the app (lib/http/client-ip.ts).
  const headers: Record<string, string> = { [SOCKET_IP_HEADER]: opts.ip ?? "203.0.113.50" };
  if (opts.key) headers.authorization = `Bearer ${opts.key}`;
  const init = opts.body
    ? {
        method: "POST",
        body: JSON.stringify(opts.body),
        headers: { ...headers, "content-type": "application/json" },
      }
    : { headers };
  const res = await (h as Handler)(new NextRequest(`http://localhost/api/v1${path}`, init), {
    params: Promise.resolve(opts.params ?? {}) as Promise<never>,
  });
  const body = await res.json();
  expectDocumented((h as { operation: OperationSpec }).operation, res.status, body);
  return { status: res.status, body };
};

let sales: string;
let support: string;
beforeAll(async () => {
  process.env.LASTMILE_SOCKET_IP_HEADER = "true";
  process.env.ENCRYPTION_KEY = randomBytes(32).toString("base64");
  const staff = await seedStorefront();
  sales = (await createApiKey({ actor: staff.admin, name: "website", role: "SALES" })).key;
  support = (await createApiKey({ actor: staff.admin, name: "helpdesk", role: "SUPPORT" })).key;
});

describe("REST API: storefront", () => {
  test("feasibility is public and rejects bad coordinates with 400", async () => {
    const ok = await call(
      feasibility,
      `/feasibility?lat=${POINTS.dieBoordFibre.lat}&lng=${POINTS.dieBoordFibre.lng}`,
    );
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ status: "AVAILABLE", currency: "ZAR" });
    expect((await call(feasibility, "/feasibility?lat=abc&lng=1")).status).toBe(400);
  });

  test("feasibility is rate-limited per IP", async () => {
    let last = 200;
    for (let i = 0; i < 125 && last !== 429; i++)
      last = (await call(feasibility, "/feasibility?lat=0&lng=0", { ip: "198.18.0.1" })).status;
    expect(last).toBe(429);
  });

  test("plans: list and create with a sales key; support may not", async () => {
    const tax = await db.taxClass.findFirstOrThrow({ where: { isDefault: true } });
    const created = await call(createPlan, "/plans", {
      key: sales,
      body: {
        code: "LTE-20",
        name: "LTE 20",
        kind: "PLAN",
        technology: "LTE",
        downloadMbps: 20,
        uploadMbps: 5,
        price: 34900,
        taxClassId: tax.id,
      },
    });
    expect(created).toMatchObject({ status: 201, body: { code: "LTE-20" } });
    const listed = await call(listPlans, "/plans?kind=PLAN", { key: sales });
    expect(listed.body.data.map((p: { code: string }) => p.code)).toContain("LTE-20");
    expect((await call(listPlans, "/plans", { key: support })).status).toBe(403);
    expect((await call(createPlan, "/plans", { key: sales, body: { code: "x" } })).status).toBe(
      400,
    );
  });

  test("coverage areas: create from GeoJSON and list", async () => {
    const ring = [
      [19, -34],
      [19.01, -34],
      [19.01, -33.99],
      [19, -34],
    ];
    const res = await call(createArea, "/coverage-areas", {
      key: sales,
      body: {
        name: "API area",
        technology: "LTE",
        geometry: { type: "Polygon", coordinates: [ring] },
      },
    });
    expect(res.status).toBe(201);
    const list = await call(listAreas, "/coverage-areas", { key: sales });
    expect(list.body.data.find((a: { name: string }) => a.name === "API area")).toMatchObject({
      technology: "LTE",
      bbox: [19, -34, 19.01, -33.99],
    });
    const bad = await call(createArea, "/coverage-areas", {
      key: sales,
      body: { name: "Bad", technology: "LTE", geometry: { type: "Point", coordinates: [1, 2] } },
    });
    expect(bad.status).toBe(400);
  });

  test("orders: list and get, bank details masked", async () => {
    const placed = await placeOrder({ input: await signed(draft()), ip: "192.0.2.1" });
    const list = await call(listOrders, "/orders?status=NEW", { key: support });
    expect(list.body.data.map((o: { number: string }) => o.number)).toContain(placed.orderNumber);
    const one = await call(getOrder, `/orders/${placed.orderId}`, {
      key: sales,
      params: { id: placed.orderId },
    });
    expect(one.status).toBe(200);
    expect(JSON.stringify(one.body)).not.toContain("62812345678");
    expect(
      (await call(getOrder, "/orders/nope", { key: sales, params: { id: "nope" } })).status,
    ).toBe(404);
  });

  test("the OpenAPI document lists the storefront paths", () => {
    const doc = openApiDocument("http://localhost");
    expect(Object.keys(doc.paths ?? {})).toEqual(
      expect.arrayContaining([
        "/feasibility",
        "/plans",
        "/coverage-areas",
        "/orders",
        "/orders/{id}",
      ]),
    );
  });
});
