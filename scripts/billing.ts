// npm run billing -- run --as-of 2026-12-01 [--batch-size 2000]
// npm run billing -- preview --as-of 2026-12-01
// npm run billing -- finalize-due
// Uses DATABASE_URL, or the embedded PostgreSQL under DATA_DIR (running or not). Without
// --as-of, the date is today in the ISP's time zone.
import "../lib/runtime/allow-server-only"; // first: lets server-only lib modules load in Node
import { parseArgs } from "node:util";
import { connectLocal } from "../lib/db/connect-local";

const log = (m: string) => console.error(`[billing] ${m}`);
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { "as-of": { type: "string" }, "batch-size": { type: "string" } },
});
const command = positionals[0];
if (!["run", "preview", "finalize-due"].includes(command ?? "")) {
  log("usage: npm run billing -- run|preview [--as-of YYYY-MM-DD] [--batch-size N] | finalize-due");
  process.exit(1);
}
const local = await connectLocal({
  databaseUrl: process.env.DATABASE_URL,
  migrationUrl: process.env.MIGRATION_DATABASE_URL,
  dataDir: process.env.DATA_DIR ?? "./data",
  migrate: true,
  log,
});
process.env.DATABASE_URL = local.url; // before lib/db is imported: lib/env reads the environment once

const { SYSTEM } = await import("../lib/auth/roles");
const { disconnectDb } = await import("../lib/db");
const { todayForIsp } = await import("../lib/billing/billing-settings");
const { syncClock } = await import("../lib/time/sync-clock");
const actor = { ...SYSTEM, name: "command line" };
let code = 0;
try {
  await syncClock();
  const asOf = values["as-of"] ?? (await todayForIsp());
  if (command === "run") {
    const { runBilling } = await import("../lib/billing/run-billing");
    const started = performance.now();
    const summary = await runBilling({
      asOf,
      actor,
      trigger: "cli",
      batchSize: values["batch-size"] ? Number(values["batch-size"]) : undefined,
      onBatch: (b) => log(`batch: ${b.customers} customers, ${b.invoiceIds.length} invoices`),
    });
    log(
      `run ${summary.runId} as of ${asOf}: ${summary.invoicesCreated} invoices (${summary.invoicesFinalized} finalised) for ${summary.subscriptions} subscriptions in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    console.log(JSON.stringify(summary));
  } else if (command === "preview") {
    const { previewBilling } = await import("../lib/billing/preview-billing");
    console.log(JSON.stringify(await previewBilling({ asOf, actor }), null, 2));
  } else {
    const { finalizeDueInvoices } = await import("../lib/invoices/finalize-invoice");
    const finalized = await finalizeDueInvoices({ actor });
    log(`finalised ${finalized.length} held invoices`);
  }
} catch (e) {
  log(`error: ${e instanceof Error ? e.message : String(e)}`);
  code = 1;
} finally {
  await disconnectDb();
  await local.close();
}
process.exit(code);
