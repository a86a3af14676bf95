// npm run bench:billing — the 100k-subscription billing run against its own embedded PostgreSQL.
// Prints the cold run (fresh server, fresh process), the warm run (same data in a second copy,
// server caches warm), the re-run on the same date, peak RSS of the app process, and the ratio
// against plain set-based SQL writing the same rows (bench/raw-sql-baseline.sql).
import { execFileSync } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "../lib/db/embedded-postgres";
import { applyMigrations } from "../lib/db/schema-engine";

const AS_OF = "2026-12-31";
const dir = await mkdtemp(path.join(os.tmpdir(), "lastmile-bench-"));
const log = (m: string) => console.log(m);

async function sql(url: string, text: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await c.query(text);
  } finally {
    await c.end();
  }
}
const time = async (f: () => Promise<unknown>) => {
  const t = performance.now();
  await f();
  return performance.now() - t;
};

let server = await startEmbeddedPostgres({ dataDir: dir, persistent: true });
try {
  const admin = server.url("postgres");
  await sql(admin, "CREATE DATABASE bench_template");
  await applyMigrations(server.url("bench_template"));
  const genMs = await time(async () =>
    sql(server.url("bench_template"), await readFile("bench/generate-billing-data.sql", "utf8")),
  );
  log(`generated 100,000 subscriptions with SQL in ${(genMs / 1000).toFixed(1)} s`);
  for (const db of ["run_cold", "run_warm", "raw_sql"])
    await sql(admin, `CREATE DATABASE ${db} TEMPLATE bench_template`);

  // Restart the server so the cold run starts with empty shared buffers.
  await server.stop();
  server = await startEmbeddedPostgres({ dataDir: dir, persistent: true });

  const child = (db: string, repeat: boolean) =>
    JSON.parse(
      execFileSync(
        process.execPath,
        [
          "--import",
          "tsx",
          "bench/billing-run-child.ts",
          server.url(db),
          AS_OF,
          repeat ? "repeat" : "",
        ],
        {
          encoding: "utf8",
          maxBuffer: 1 << 20,
        },
      )
        .trim()
        .split("\n")
        .pop()!,
    );
  const cold = child("run_cold", true);
  log(
    `cold run:  ${(cold.ms / 1000).toFixed(1)} s, ${cold.summary.invoicesCreated} invoices (${cold.summary.subscriptions} subscriptions, ${cold.summary.batches} batches), peak RSS ${cold.maxRssMb.toFixed(0)} MB`,
  );
  log(`re-run:    ${(cold.rerun.ms / 1000).toFixed(2)} s, ${cold.rerun.invoices} invoices created`);
  const warm = child("run_warm", false);
  log(
    `warm run:  ${(warm.ms / 1000).toFixed(1)} s, ${warm.summary.invoicesCreated} invoices, peak RSS ${warm.maxRssMb.toFixed(0)} MB`,
  );

  const counts = await sql(
    server.url("run_warm"),
    `SELECT (SELECT count(*) FROM "Invoice") inv, (SELECT count(*) FROM "InvoiceLine") lines, (SELECT count(*) FROM "LedgerEntry") ledger`,
  );
  const rawMs = await time(async () =>
    sql(server.url("raw_sql"), await readFile("bench/raw-sql-baseline.sql", "utf8")),
  );
  const rawCounts = await sql(
    server.url("raw_sql"),
    `SELECT (SELECT count(*) FROM "Invoice") inv, (SELECT count(*) FROM "InvoiceLine") lines, (SELECT count(*) FROM "LedgerEntry") ledger`,
  );
  log(
    `rows written by the run: ${JSON.stringify(counts.rows[0])}; by raw SQL: ${JSON.stringify(rawCounts.rows[0])}`,
  );
  log(`raw SQL:   ${(rawMs / 1000).toFixed(1)} s`);
  log(
    `ratio run/raw SQL: cold ${(cold.ms / rawMs).toFixed(1)}×, warm ${(warm.ms / rawMs).toFixed(1)}×`,
  );
  const ok =
    cold.ms <= 60_000 &&
    warm.ms <= 60_000 &&
    cold.rerun.ms <= 5_000 &&
    cold.rerun.invoices === 0 &&
    Math.max(cold.maxRssMb, warm.maxRssMb) <= 1024;
  log(ok ? "within budget (≤ 60 s, re-run ≤ 5 s with 0 invoices, ≤ 1 GB)" : "OVER BUDGET");
} finally {
  await server.stop();
  await rm(dir, { recursive: true, force: true });
}
