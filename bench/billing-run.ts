// npm run bench:billing [-- --scale 10] — the billing run against its own embedded PostgreSQL on
// 100k subscriptions × scale (--scale 10: 1M). Prints the cold run (fresh server, fresh process),
// the warm run (same data in a second copy, server caches warm; scale 1 only), the re-run on the
// same date, peak RSS of the app process, and ratios against two floors measured in the same run:
// plain set-based SQL doing the same work through the real schema (bench/raw-sql-baseline.sql)
// and plain tables storing the rows the run wrote (bench/plain-tables-baseline.sql). The machine
// is shared, so the load average is printed beside the figures.
import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { startEmbeddedPostgres } from "../lib/db/embedded-postgres";
import { applyMigrations } from "../lib/db/schema-engine";

const { values } = parseArgs({ options: { scale: { type: "string", default: "1" } } });
const scale = Number(values.scale);
if (!Number.isInteger(scale) || scale < 1) throw new Error("--scale takes a whole number ≥ 1");
const subscriptions = 100_000 * scale;
const AS_OF = "2026-12-31";
const dir = await mkdtemp(path.join(os.tmpdir(), "lastmile-bench-"));
const log = (m: string) => console.log(m);
const load = () => os.loadavg()[0].toFixed(1);
const s = (ms: number) => `${(ms / 1000).toFixed(ms < 1000 ? 2 : 1)} s`;

async function sql(url: string, text: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(`SET bench.scale = ${scale}`);
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
const countRows = async (url: string) =>
  (
    await sql(
      url,
      `SELECT (SELECT count(*) FROM "Invoice") inv, (SELECT count(*) FROM "InvoiceLine") lines, (SELECT count(*) FROM "LedgerEntry") ledger`,
    )
  ).rows[0];

/**
 * CPU time used so far by this server's postgres processes (Linux /proc; NaN elsewhere). With
 * other work on the machine, CPU seconds move far less than wall time, so they are printed too.
 */
function postgresCpuMs(): number {
  try {
    const pm = Number(readFileSync(path.join(dir, "pg", "postmaster.pid"), "utf8").split("\n")[0]);
    let ticks = 0;
    for (const pid of readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
      try {
        const f = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
        // utime + stime; the postmaster also counts its reaped children (closed backends).
        if (Number(pid) === pm) ticks += f.slice(11, 15).reduce((n, x) => n + Number(x), 0);
        else if (Number(f[1]) === pm) ticks += Number(f[11]) + Number(f[12]);
      } catch {
        // the process ended between the listing and the read
      }
    }
    return ticks * 10; // USER_HZ is 100 on Linux
  } catch {
    return NaN;
  }
}
const cpuOf = async (f: () => Promise<unknown>) => {
  const p0 = postgresCpuMs();
  const t = performance.now();
  await f();
  return { ms: performance.now() - t, pgCpuMs: postgresCpuMs() - p0 };
};

type ChildResult = {
  ms: number;
  summary: { invoicesCreated: number; subscriptions: number; batches: number };
  rerun?: { ms: number; invoices: number };
  maxRssMb: number;
  cpuMs: number;
  pgCpuMs: number;
  rerunPgCpuMs?: number;
};

let server = await startEmbeddedPostgres({ dataDir: dir, persistent: true });
try {
  log(
    `bench:billing — ${subscriptions.toLocaleString("en")} subscriptions, load average ${load()} on ${os.cpus().length} cores`,
  );
  const admin = server.url("postgres");
  await sql(admin, "CREATE DATABASE bench_template");
  await applyMigrations(server.url("bench_template"));
  const genMs = await time(async () =>
    sql(server.url("bench_template"), await readFile("bench/generate-billing-data.sql", "utf8")),
  );
  log(`generated the data with SQL in ${s(genMs)}`);
  const dbs = scale === 1 ? ["run_cold", "run_warm", "raw_sql"] : ["run_cold", "raw_sql"];
  for (const db of dbs) await sql(admin, `CREATE DATABASE ${db} TEMPLATE bench_template`);

  // Restart the server so the cold run starts with empty shared buffers.
  await server.stop();
  server = await startEmbeddedPostgres({ dataDir: dir, persistent: true });

  const child = (db: string, repeat: boolean): ChildResult => {
    const p0 = postgresCpuMs();
    const result = JSON.parse(
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
        { encoding: "utf8", maxBuffer: 1 << 20 },
      )
        .trim()
        .split("\n")
        .pop()!,
    );
    return { ...result, pgCpuMs: postgresCpuMs() - p0 };
  };
  const cold = child("run_cold", true);
  log(`cold run done at load ${load()}`);
  const warm = scale === 1 ? child("run_warm", false) : undefined;
  if (warm) log(`warm run done at load ${load()}`);

  const runDb = server.url(warm ? "run_warm" : "run_cold");
  const counts = await countRows(runDb);
  const plain = await cpuOf(async () =>
    sql(runDb, await readFile("bench/plain-tables-baseline.sql", "utf8")),
  );
  const raw = await cpuOf(async () =>
    sql(server.url("raw_sql"), await readFile("bench/raw-sql-baseline.sql", "utf8")),
  );
  const [plainMs, rawMs] = [plain.ms, raw.ms];
  const rawCounts = await countRows(server.url("raw_sql"));
  log(
    `rows written by the run: ${JSON.stringify(counts)}; by raw SQL: ${JSON.stringify(rawCounts)}`,
  );

  const row = (name: string, ms: number, cpuMs: number, extra = "") =>
    `| ${name} | ${s(ms)} | ${(ms / plainMs).toFixed(1)}× | ${(ms / rawMs).toFixed(2)}× | ${s(cpuMs)} | ${extra} |`;
  log("");
  log(
    `| ${subscriptions.toLocaleString("en")} subscriptions | time | × plain tables | × raw SQL | CPU (node + postgres) | |`,
  );
  log("|---|---|---|---|---|---|");
  log(
    row(
      "cold run (CPU with the re-run)",
      cold.ms,
      cold.cpuMs + cold.pgCpuMs,
      `${cold.summary.invoicesCreated} invoices, ${cold.summary.batches} batches, peak RSS ${cold.maxRssMb.toFixed(0)} MB`,
    ),
  );
  if (warm)
    log(
      row(
        "warm run",
        warm.ms,
        warm.cpuMs + warm.pgCpuMs,
        `peak RSS ${warm.maxRssMb.toFixed(0)} MB`,
      ),
    );
  log(row("re-run, same date", cold.rerun!.ms, NaN, `${cold.rerun!.invoices} invoices`));
  log(row("raw SQL (bench/raw-sql-baseline.sql)", rawMs, raw.pgCpuMs));
  log(row("plain tables (bench/plain-tables-baseline.sql)", plainMs, plain.pgCpuMs));
  log(`load average at the end ${load()}`);

  const budgetMs = scale === 1 ? 15_000 : 120_000;
  const runs = [cold, ...(warm ? [warm] : [])];
  const ok =
    runs.every((r) => r.ms <= budgetMs && r.maxRssMb <= 1024) &&
    cold.rerun!.ms <= 500 &&
    cold.rerun!.invoices === 0;
  log(
    ok
      ? `within budget (≤ ${s(budgetMs)}, re-run ≤ 0.5 s with 0 invoices, ≤ 1 GB)`
      : `OVER BUDGET (≤ ${s(budgetMs)}, re-run ≤ 0.5 s with 0 invoices, ≤ 1 GB) — compare the ratios when the machine is loaded`,
  );
} finally {
  await server.stop();
  await rm(dir, { recursive: true, force: true });
}
