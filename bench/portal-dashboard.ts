// npm run bench:portal — the portal dashboard's reads (every lib call app/portal/page.tsx makes,
// in parallel as the page does) for random customers among 100,000 with 1,200,000 invoices, on
// its own embedded PostgreSQL. Prints p50/p95/p99 over a sequential sample after a warm-up.
import "../lib/runtime/allow-server-only";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "../lib/db/embedded-postgres";
import { applyMigrations } from "../lib/db/schema-engine";

const SAMPLE = Number(process.env.BENCH_SAMPLE ?? 500);
const dir = await mkdtemp(path.join(os.tmpdir(), "lastmile-bench-portal-"));
const server = await startEmbeddedPostgres({ dataDir: dir, persistent: true });
try {
  const admin = new pg.Client({ connectionString: server.url("postgres") });
  await admin.connect();
  await admin.query("CREATE DATABASE bench_portal");
  await admin.end();
  const url = server.url("bench_portal");
  await applyMigrations(url);
  console.log("migrated; generating data…");
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const t0 = performance.now();
  const counts = await c
    .query(await readFile("bench/generate-portal-data.sql", "utf8"))
    .then(() =>
      c.query(
        `SELECT (SELECT count(*) FROM "Customer") AS customers, (SELECT count(*) FROM "Invoice") AS invoices`,
      ),
    )
    .finally(() => c.end());
  console.log(
    `generated ${counts.rows[0].customers} customers, ${counts.rows[0].invoices} invoices in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );

  process.env.DATABASE_URL = url;
  process.env.LOG_LEVEL = "silent";
  const { loadPortalDashboard } = await import("./portal-dashboard-reads");
  const { disconnectDb } = await import("../lib/db");
  const { setClock } = await import("../lib/time/clock");
  setClock(new Date("2026-12-15T08:00:00Z"));
  const pick = () => `cu${String(1 + Math.floor(Math.random() * 100_000)).padStart(6, "0")}`;
  for (let i = 0; i < 50; i++) await loadPortalDashboard(pick());
  const ms: number[] = [];
  for (let i = 0; i < SAMPLE; i++) {
    const t = performance.now();
    await loadPortalDashboard(pick());
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  const q = (p: number) => ms[Math.min(ms.length - 1, Math.floor(p * ms.length))].toFixed(1);
  console.log(
    `portal dashboard reads, ${SAMPLE} random customers: p50 ${q(0.5)} ms, p95 ${q(0.95)} ms, p99 ${q(0.99)} ms (bar: p95 ≤ 150 ms)`,
  );
  await disconnectDb();
} catch (e) {
  console.error("bench failed:", e);
  process.exitCode = 1;
} finally {
  await server.stop();
  await rm(dir, { recursive: true, force: true });
}
