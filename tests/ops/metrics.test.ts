// /api/metrics: Prometheus text behind METRICS_TOKEN (unset → 404). HTTP counts and latencies by
// route pattern (never the raw path), job runs, outbox depth, webhook lag, the DB pool, process.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, test } from "vitest";
import { db } from "@/lib/db";
import { GET as metricsRoute } from "@/app/api/metrics/route";
import { instrumentHttp } from "@/lib/ops/metrics/http-metrics";
import { recordJobRun } from "@/lib/ops/metrics/record-job-run";

const TOKEN = "scrape-token-0123456789";
const saved = process.env.METRICS_TOKEN;
afterAll(() => {
  process.env.METRICS_TOKEN = saved;
});

async function scrape(token?: string) {
  const res = await metricsRoute(
    new Request("http://localhost/api/metrics", {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    }),
  );
  return { status: res.status, type: res.headers.get("content-type"), body: await res.text() };
}

/** The value of one series in Prometheus text, e.g. value(body, 'x_total{job="a"}'). */
function value(body: string, series: string): number | undefined {
  const line = body.split("\n").find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

let server: http.Server;
let base = "";
beforeAll(async () => {
  // A stand-in for Next behind npm start's wrapper: it answers 200, or 404 for /nope, in 30 ms.
  server = http.createServer(
    instrumentHttp((req, res) => {
      res.statusCode = req.url === "/nope" ? 404 : 200;
      setTimeout(() => res.end("ok"), 30);
    }),
  );
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((r) => server.close(r)));

test("without METRICS_TOKEN the endpoint does not exist; with it, only the token opens it", async () => {
  delete process.env.METRICS_TOKEN;
  expect((await scrape(TOKEN)).status).toBe(404);
  process.env.METRICS_TOKEN = TOKEN;
  expect((await scrape()).status).toBe(401);
  expect((await scrape("wrong-token-0123456789")).status).toBe(401);
  const ok = await scrape(TOKEN);
  expect(ok.status).toBe(200);
  expect(ok.type).toMatch(/^text\/plain; version=0\.0\.4/);
  expect(ok.body).toContain("process_cpu_user_seconds_total");
  expect(ok.body).toContain("nodejs_eventloop_lag_seconds");
});

test("HTTP requests are counted by route pattern, not by raw path", async () => {
  process.env.METRICS_TOKEN = TOKEN;
  for (const p of [
    "/admin/customers/c_1",
    "/admin/customers/c_2?tab=invoices",
    "/admin/catalog/new",
    "/api/v1/invoices/inv_9/pdf",
    "/api/auth/callback/credentials",
    "/_next/static/chunks/app.js",
    "/nope",
  ])
    await fetch(base + p).then((r) => r.text());
  const { body } = await scrape(TOKEN);
  const count = (route: string, status = "200") =>
    value(body, `lastmile_http_requests_total{method="GET",route="${route}",status="${status}"}`);
  expect(count("/admin/customers/[id]")).toBe(2);
  expect(count("/admin/catalog/new")).toBe(1);
  expect(count("/api/v1/invoices/[id]/pdf")).toBe(1);
  expect(count("/api/auth/[...nextauth]")).toBe(1);
  expect(count("/_next/static")).toBe(1);
  expect(count("(unmatched)", "404")).toBe(1);
  expect(body).not.toContain("c_1");
  expect(
    value(
      body,
      `lastmile_http_request_duration_seconds_count{method="GET",route="/admin/customers/[id]"}`,
    ),
  ).toBe(2);
  // Latency runs to the end of the response: the handler above takes 30 ms.
  const bucket = (le: string) =>
    value(
      body,
      `lastmile_http_request_duration_seconds_bucket{le="${le}",method="GET",route="/admin/catalog/new"}`,
    );
  expect(bucket("0.025")).toBe(0);
  expect(bucket("+Inf")).toBe(1);
});

test("job runs, durations and failures, as the job registry reports them", async () => {
  process.env.METRICS_TOKEN = TOKEN;
  recordJobRun({ name: "metrics-test.sweep", status: "succeeded", durationMs: 1200 });
  recordJobRun({ name: "metrics-test.sweep", status: "failed", durationMs: 300 });
  recordJobRun({ name: "metrics-test.sweep", status: "failed", durationMs: 400 });
  const { body } = await scrape(TOKEN);
  const runs = (status: string) =>
    value(body, `lastmile_job_runs_total{job="metrics-test.sweep",status="${status}"}`);
  expect(runs("succeeded")).toBe(1);
  expect(runs("failed")).toBe(2);
  expect(value(body, `lastmile_job_duration_seconds_sum{job="metrics-test.sweep"}`)).toBeCloseTo(
    1.9,
  );
  const lastSuccess = value(
    body,
    `lastmile_job_last_success_timestamp_seconds{job="metrics-test.sweep"}`,
  )!;
  expect(Math.abs(lastSuccess - Date.now() / 1000)).toBeLessThan(60);
});

test("outbox depth, webhook lag and the database pool are read at scrape time", async () => {
  process.env.METRICS_TOKEN = TOKEN;
  const hourAgo = new Date(Date.now() - 3600_000);
  await db.notification.createMany({
    data: [
      { channel: "EMAIL", to: "a@example.test", text: "1", createdAt: hourAgo },
      { channel: "EMAIL", to: "b@example.test", text: "2" },
      { channel: "EMAIL", to: "c@example.test", text: "3", status: "SENT" },
      { channel: "EMAIL", to: "d@example.test", text: "4", status: "FAILED" },
    ],
  });
  await db.webhookEvent.create({
    data: { source: "stripe", externalId: "evt_1", type: "x", payload: {}, receivedAt: hourAgo },
  });
  const { body } = await scrape(TOKEN);
  expect(value(body, "lastmile_outbox_pending")).toBe(2);
  expect(value(body, "lastmile_outbox_failed")).toBe(1);
  expect(value(body, "lastmile_outbox_oldest_pending_seconds")).toBeGreaterThanOrEqual(3599);
  expect(value(body, "lastmile_webhook_events_unprocessed")).toBe(1);
  expect(value(body, "lastmile_webhook_oldest_unprocessed_seconds")).toBeGreaterThanOrEqual(3599);
  expect(value(body, 'lastmile_db_pool_connections{state="max"}')).toBe(10);
  expect(value(body, 'lastmile_db_pool_connections{state="idle"}')).toBeGreaterThanOrEqual(0);
  expect(value(body, "lastmile_db_pool_waiting_requests")).toBe(0);
});
