// /api/health answers whenever the process does; /api/ready answers 200 or 503 with a bare
// status for load balancers, and the checks behind it for admins (API key or session).
import pg from "pg";
import { NextRequest } from "next/server";
import { afterEach, beforeAll, expect, test } from "vitest";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { SYSTEM } from "@/lib/auth/roles";
import { GET as health } from "@/app/api/health/route";
import { GET as ready } from "@/app/api/ready/route";
import { setupIsp } from "../billing/fixtures";

const url = process.env.DATABASE_URL!;
let adminKey = "";
let supportKey = "";

beforeAll(async () => {
  await setupIsp();
  adminKey = (await createApiKey({ actor: SYSTEM, name: "monitoring", role: "ADMIN" })).key;
  supportKey = (await createApiKey({ actor: SYSTEM, name: "helpdesk", role: "SUPPORT" })).key;
});
afterEach(() => {
  process.env.DATABASE_URL = url;
});

async function getReady(key?: string) {
  const req = new NextRequest("http://localhost/api/ready", {
    headers: key ? { authorization: `Bearer ${key}` } : {},
  });
  const res = await ready(req);
  return { status: res.status, body: await res.json() };
}

async function sql(query: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  await c.query(query);
  await c.end();
}

test("liveness is a plain ok", async () => {
  const res = health();
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual({ status: "ok" });
});

test("a load balancer gets only the status; an admin gets the checks", async () => {
  expect(await getReady()).toEqual({ status: 200, body: { status: "ok" } });
  expect(await getReady(supportKey)).toEqual({ status: 200, body: { status: "ok" } });
  expect(await getReady("lm_not_a_key")).toEqual({ status: 200, body: { status: "ok" } });

  const { status, body } = await getReady(adminKey);
  expect(status).toBe(200);
  expect(body).toMatchObject({
    status: "ok",
    checks: {
      database: { ok: true },
      migrations: { ok: true, current: true, pending: [], unfinished: [], unknown: [] },
      jobs: { ok: true, runner: "embedded scheduler", jobs: expect.any(Array) },
    },
  });
  expect(body.checks.migrations.applied).toBeGreaterThan(5);
  expect(body.checks.database.latencyMs).toBeGreaterThanOrEqual(0);
});

test("a migration that is half-applied (or running) makes the instance not ready", async () => {
  await sql(
    `INSERT INTO "_prisma_migrations" ("id","checksum","migration_name","started_at","applied_steps_count")
     VALUES ('ready-test','x','29990101000000_in_progress', now(), 0)`,
  );
  try {
    expect(await getReady()).toEqual({ status: 503, body: { status: "unavailable" } });
    const { body } = await getReady(adminKey);
    expect(body.checks.migrations).toMatchObject({
      ok: false,
      unfinished: ["29990101000000_in_progress"],
    });
  } finally {
    await sql(`DELETE FROM "_prisma_migrations" WHERE "id" = 'ready-test'`);
  }
  expect((await getReady()).status).toBe(200);
});

test("an unreachable database is 503, not an error", async () => {
  process.env.DATABASE_URL = "postgresql://nobody:nothing@127.0.0.1:1/none";
  expect(await getReady()).toEqual({ status: 503, body: { status: "unavailable" } });
});
