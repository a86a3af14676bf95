// npm run bench:reports — every report against 100,000 customers and 1.2M invoices (twelve months
// of history, bench/generate-report-data.sql on top of the billing bench's data) in its own
// embedded PostgreSQL. Prints p50/p95 per report over repeated runs after one warm-up; the bar
// is 1 s each. BENCH_DATA_DIR=<dir> keeps the generated database there and reuses it on the next
// run (new migrations are applied to it), for iterating on a query without regenerating.
import "../lib/runtime/allow-server-only"; // first: lets server-only lib modules load in Node
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "../lib/db/embedded-postgres";
import { applyMigrations } from "../lib/db/schema-engine";

const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const out = (m: string) => process.stdout.write(`${m}\n`);
const keep = process.env.BENCH_DATA_DIR;
const dir = keep ?? (await mkdtemp(path.join(os.tmpdir(), "lastmile-bench-reports-")));
const server = await startEmbeddedPostgres({ dataDir: dir, persistent: Boolean(keep) });

async function sql(url: string, text: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await c.query(text);
  } finally {
    await c.end();
  }
}

try {
  const exists = await sql(
    server.url("postgres"),
    "SELECT 1 FROM pg_database WHERE datname = 'bench'",
  );
  if (!exists.rowCount) await sql(server.url("postgres"), "CREATE DATABASE bench");
  const url = server.url("bench");
  await applyMigrations(url);
  let t = performance.now();
  if (!exists.rowCount) {
    // The billing data set at its base scale (bench.scale 1 = 100k subscriptions).
    await sql(
      url,
      `SET bench.scale = 1; ${await readFile("bench/generate-billing-data.sql", "utf8")}`,
    );
    await sql(url, await readFile("bench/generate-report-data.sql", "utf8"));
  }
  // A live database has been vacuumed by autovacuum; freshly bulk-loaded rows have not (no
  // visibility map, so index-only scans would read the heap and first reads set hint bits).
  await sql(url, "VACUUM (ANALYZE)");
  const counts = await sql(
    url,
    `SELECT (SELECT count(*) FROM "Customer") AS customers, (SELECT count(*) FROM "Invoice") AS invoices,
            (SELECT count(*) FROM "Payment") AS payments, (SELECT count(*) FROM "MrrSnapshot") AS snapshots`,
  );
  const c = counts.rows[0];
  out(
    `generated ${c.customers} customers, ${c.invoices} invoices, ${c.payments} payments, ` +
      `${c.snapshots} MRR snapshot rows in ${((performance.now() - t) / 1000).toFixed(0)} s`,
  );
  process.env.DATABASE_URL = url;
  process.env.LOG_LEVEL = "silent";
  const { setClock } = await import("../lib/time/clock");
  const { getAgingReport } = await import("../lib/reports/get-aging-report");
  const { getRevenueReport } = await import("../lib/reports/get-revenue-report");
  const { getTaxReport } = await import("../lib/reports/get-tax-report");
  const { getMrrReport } = await import("../lib/reports/get-mrr-report");
  const { getPaymentsReport } = await import("../lib/reports/get-payments-report");
  const { disconnectDb } = await import("../lib/db");
  setClock(new Date("2026-11-30T12:00:00Z"));
  const actor = { kind: "user" as const, id: "bench", role: "ADMIN" as const, name: "Bench" };
  const year = { from: "2025-12-01", to: "2026-11-30" };
  const month = { from: "2026-11-01", to: "2026-11-30" };
  const reports: [string, () => Promise<unknown>][] = [
    ["aging today", () => getAgingReport({ actor })],
    ["aging as of 2026-06-30", () => getAgingReport({ actor, asOf: "2026-06-30" })],
    ["aging drill-down (one customer)", () => getAgingReport({ actor, customerId: "cu0000300" })],
    ["revenue, one month", () => getRevenueReport({ actor, ...month })],
    ["revenue, twelve months", () => getRevenueReport({ actor, ...year })],
    ["tax, one month", () => getTaxReport({ actor, ...month })],
    ["tax, twelve months", () => getTaxReport({ actor, ...year })],
    ["MRR, twelve months", () => getMrrReport({ actor, ...year })],
    ["payments, one month", () => getPaymentsReport({ actor, ...month })],
    ["payments, twelve months", () => getPaymentsReport({ actor, ...year })],
  ];
  // Timings on a shared machine mean little without how busy it was.
  const load = () =>
    os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(" ");
  out(`load average ${load()} on ${os.cpus().length} cores`);
  out(
    `report                               p50 ms   p95 ms   load (1 min)   (${RUNS} runs after a warm-up)`,
  );
  for (const [name, run] of reports) {
    await run();
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      t = performance.now();
      await run();
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    const p = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)];
    out(
      `${name.padEnd(36)} ${p(0.5).toFixed(0).padStart(6)}   ${p(0.95).toFixed(0).padStart(6)}   ${os.loadavg()[0].toFixed(2).padStart(12)}`,
    );
  }
  out(`load average ${load()} at the end`);
  await disconnectDb();
} finally {
  await server.stop();
  if (!keep) await rm(dir, { recursive: true, force: true });
}
