// Operators run a job now through /api/v1 with an ADMIN API key, and list the jobs with their
// latest run; with an Inngest server configured the run is handed to Inngest instead.
import { InngestTestEngine } from "@inngest/test";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, expect, test } from "vitest";
import { POST as runRoute } from "@/app/api/v1/jobs/[name]/run/route";
import { GET as listRoute } from "@/app/api/v1/jobs/route";
import { functionFor } from "@/inngest/functions";
import { inngest } from "@/lib/events/client";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { db } from "@/lib/db";
import { openApiDocument } from "@/lib/http/openapi/document";
import { JOB_NAMES } from "@/lib/jobs/registry";
import { enqueueEmail } from "@/lib/notifications/enqueue-email";
import { createIsp } from "@/lib/setup/create-isp";
import { startFakeInngest } from "./fake-inngest";

let adminKey = "";
let salesKey = "";
let fake: Awaited<ReturnType<typeof startFakeInngest>>;

beforeAll(async () => {
  fake = await startFakeInngest();
  const admin = await createIsp({
    name: "Jobs ISP",
    country: "ZA",
    currency: "ZAR",
    timeZone: "Africa/Johannesburg",
    taxRate: 15,
    adminName: "Ada",
    adminEmail: "ada@example.test",
    adminPassword: "long-password-1",
  });
  const actor = { kind: "user" as const, id: admin.id, role: "ADMIN" as const, name: "Ada" };
  adminKey = (await createApiKey({ actor, name: "ops", role: "ADMIN" })).key;
  salesKey = (await createApiKey({ actor, name: "crm", role: "SALES" })).key;
});
afterAll(() => fake.close());

type Handler = (
  req: NextRequest,
  ctx: { params: Promise<Record<string, string>> },
) => Promise<Response>;

async function call(
  handler: Handler,
  method: string,
  path: string,
  opts: { key: string; params?: Record<string, string>; body?: unknown },
) {
  const req = new NextRequest(`http://localhost/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${opts.key}`, "content-type": "application/json" },
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
  });
  const res = await handler(req, { params: Promise.resolve(opts.params ?? {}) });
  return { status: res.status, body: await res.json() };
}

const run = (name: string, key: string, body?: unknown) =>
  call(runRoute, "POST", `/jobs/${name}/run`, { key, params: { name }, body });

test("an ADMIN key runs a job now and gets its run id and result", async () => {
  await enqueueEmail({ to: "ops@example.test", subject: "Hello", text: "Hi" });
  const res = await run("notifications.deliver", adminKey);
  expect(res).toEqual({
    status: 200,
    body: {
      runId: expect.any(String),
      status: "SUCCEEDED",
      result: { sent: 1, failed: 0 },
      error: null,
    },
  });
  expect(await db.jobRun.findUniqueOrThrow({ where: { id: res.body.runId } })).toMatchObject({
    jobName: "notifications.deliver",
    trigger: "api",
    status: "SUCCEEDED",
  });
  expect(
    await db.auditLog.count({ where: { action: "jobs.run", entityId: "notifications.deliver" } }),
  ).toBe(1);
});

test("a SALES key may not run or list jobs; an unknown job is a 404; a bad payload a 400", async () => {
  expect((await run("notifications.deliver", salesKey)).status).toBe(403);
  expect((await call(listRoute, "GET", "/jobs", { key: salesKey })).status).toBe(403);
  const unknown = await run("billing.nope", adminKey);
  expect(unknown.status).toBe(404);
  expect(unknown.body.error.code).toBe("NOT_FOUND");
  const bad = await run("billing.run", adminKey, { payload: { runId: 42 } });
  expect(bad.status).toBe(400);
  expect(await db.jobRun.count({ where: { jobName: "billing.run" } })).toBe(0);
});

test("GET /jobs lists every registered job with its schedule and latest run", async () => {
  const res = await call(listRoute, "GET", "/jobs", { key: adminKey });
  expect(res.status).toBe(200);
  expect(res.body.jobs.map((j: { name: string }) => j.name)).toEqual(JOB_NAMES);
  const deliver = res.body.jobs.find((j: { name: string }) => j.name === "notifications.deliver");
  expect(deliver).toMatchObject({
    cron: "* * * * *",
    schedule: "every minute",
    events: ["notifications/notification.queued", "orders/order.placed"],
    concurrencyKey: "notifications.deliver",
    lastRun: { trigger: "api", status: "SUCCEEDED", result: { sent: 1, failed: 0 }, error: null },
  });
  expect(res.body.jobs.find((j: { name: string }) => j.name === "billing.run").lastRun).toBeNull();
});

test("the API document lists the job operations with the registry's names", () => {
  const doc = JSON.parse(JSON.stringify(openApiDocument("http://localhost"))) as {
    paths: Record<string, Record<string, { parameters?: { name: string; schema: unknown }[] }>>;
  };
  expect(Object.keys(doc.paths["/jobs"])).toEqual(["get"]);
  const param = doc.paths["/jobs/{name}/run"].post.parameters!.find((p) => p.name === "name");
  expect(param?.schema).toEqual({ type: "string", enum: JOB_NAMES });
});

test("with an Inngest server configured, run now hands the job to Inngest (202) and its function records the outcome", async () => {
  process.env.INNGEST_BASE_URL = fake.url;
  inngest.setEnvVars({ INNGEST_EVENT_API_BASE_URL: fake.url, INNGEST_EVENT_KEY: "test-key" });
  try {
    await enqueueEmail({ to: "queued@example.test", subject: "Later", text: "Hi" });
    const res = await run("notifications.deliver", adminKey);
    expect(res).toEqual({
      status: 202,
      body: { runId: expect.any(String), status: "RUNNING", result: null, error: null },
    });
    const [sent] = fake.drain();
    expect(sent).toMatchObject({
      name: "jobs/run.requested",
      data: { job: "notifications.deliver", jobRunId: res.body.runId, trigger: "api", payload: {} },
    });
    const { result } = await new InngestTestEngine({
      function: functionFor("notifications.deliver"),
    }).execute({ events: [{ name: sent.name, data: sent.data }] });
    expect(result).toEqual({ sent: 1, failed: 0 });
    expect(await db.jobRun.findUniqueOrThrow({ where: { id: res.body.runId } })).toMatchObject({
      trigger: "api",
      status: "SUCCEEDED",
      result: { sent: 1, failed: 0 },
    });
  } finally {
    delete process.env.INNGEST_BASE_URL;
  }
});
