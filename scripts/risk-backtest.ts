// npm run report:risk-backtest [-- --customers 600]
// Seeds the demo ISP (with its two months of payment behaviour) into a throw-away embedded
// PostgreSQL, trains the payment-risk model as the weekly job does, and prints the back-test on
// held-out customers: AUC and calibration (predicted against observed lateness per band).
import "../lib/runtime/allow-server-only"; // first: lets server-only lib modules load in Node
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { startEmbeddedPostgres } from "../lib/db/embedded-postgres";
import { applyMigrations } from "../lib/db/schema-engine";

const { values } = parseArgs({ options: { customers: { type: "string", default: "600" } } });
const customers = Number(values.customers);
const out = (m: string) => process.stdout.write(`${m}\n`);
const dir = await mkdtemp(path.join(os.tmpdir(), "lastmile-risk-"));
const server = await startEmbeddedPostgres({ dataDir: dir, persistent: false });
try {
  const admin = new pg.Client({ connectionString: server.url("postgres") });
  await admin.connect();
  await admin.query("CREATE DATABASE risk");
  await admin.end();
  await applyMigrations(server.url("risk"));
  process.env.DATABASE_URL = server.url("risk");
  process.env.LOG_LEVEL = "silent";
  const { seedDemo } = await import("../lib/demo/seed-demo");
  const { trainRiskModel } = await import("../lib/reports/risk/train-risk-model");
  const { SYSTEM } = await import("../lib/auth/roles");
  const { setClock } = await import("../lib/time/clock");
  const { disconnectDb } = await import("../lib/db");
  const today = new Date("2026-11-30T12:00:00Z");
  const t0 = performance.now();
  await seedDemo({
    adminEmail: "admin@risk.test",
    adminPassword: "admin-password-1",
    staffPassword: "staff-password-1",
    customers,
    today,
  });
  out(`seeded ${customers} demo customers in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  setClock(today);
  const r = await trainRiskModel({ actor: SYSTEM });
  if (!r.trained) out(`not trained: ${r.samples} samples, ${r.late} late`);
  else {
    out(`samples ${r.samples} (late ${r.late}); held out ${r.tested}; scored ${r.scored}`);
    out(`AUC (held-out customers): ${r.auc}`);
    out("calibration: band  predicted  observed  n");
    for (const c of r.calibration)
      out(
        `  ${c.bin.padEnd(9)} ${c.predicted.toFixed(3).padStart(9)} ${c.observed.toFixed(3).padStart(9)} ${String(c.count).padStart(4)}`,
      );
  }
  await disconnectDb();
} finally {
  await server.stop();
  await rm(dir, { recursive: true, force: true });
}
