// npm run bench:customer-360 — the admin 360° view's reads (contact details, services, header
// figures, the first timeline page, and the timeline filtered to invoices) for random customers
// of a base with BENCH_CUSTOMERS customers (default 90,000 from bench/generate-billing-data.sql,
// 100,000 subscriptions) each with 12 finalised invoices and ledger entries (1.08M), 12 emails
// and 6 audit events, on its own embedded PostgreSQL. Prints p50/p95/p99 per read and for the
// whole page (the reads run in parallel, as the page runs them).
import "../lib/runtime/allow-server-only"; // first: lets server-only lib modules load in Node
import { mkdtemp, readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "../lib/db/embedded-postgres";
import { applyMigrations } from "../lib/db/schema-engine";

const VIEWS = Number(process.env.BENCH_VIEWS ?? 500);
const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const fmt = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return `p50 ${pct(s, 50).toFixed(1)} ms · p95 ${pct(s, 95).toFixed(1)} ms · p99 ${pct(s, 99).toFixed(1)} ms`;
};
const log = (m: string) => console.log(`[bench:360] ${m}`);

const dir = await mkdtemp(path.join(os.tmpdir(), "lastmile-bench-360-"));
const server = await startEmbeddedPostgres({ dataDir: dir, persistent: false });
try {
  const admin = new pg.Client({ connectionString: server.url("postgres") });
  await admin.connect();
  await admin.query("CREATE DATABASE bench");
  await admin.end();
  const url = server.url("bench");
  await applyMigrations(url);
  const sql = new pg.Client({ connectionString: url });
  await sql.connect();
  let t = Date.now();
  await sql.query(
    await readFile(path.join(import.meta.dirname, "generate-billing-data.sql"), "utf8"),
  );
  await sql.query(`
    INSERT INTO "Invoice" (id, "customerId", status, currency, "issueDate", "dueDate", subtotal, "taxTotal", total)
    SELECT 'hi' || c.id || '-' || m, c.id, 'DRAFT', 'ZAR', make_date(2025, m, 1), make_date(2025, m, 8), 26000, 3900, 29900
      FROM "Customer" c CROSS JOIN generate_series(1, 12) m`);
  await sql.query(`
    UPDATE "Invoice" i SET status = 'OPEN', number = 'H' || lpad(o.n::text, 8, '0'),
           "finalizedAt" = i."issueDate"::timestamp AT TIME ZONE 'UTC'
      FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM "Invoice" WHERE status = 'DRAFT') o
     WHERE i.id = o.id`);
  await sql.query(`
    INSERT INTO "LedgerEntry" ("customerId", kind, "sourceKey", amount, currency, description, "effectiveDate", "invoiceId")
    SELECT "customerId", 'INVOICE', 'invoice:' || id, total, currency, 'Invoice ' || number, "issueDate", id FROM "Invoice"`);
  await sql.query(`
    INSERT INTO "Notification" (id, channel, "to", subject, text, "customerId", status, "createdAt")
    SELECT 'hn' || c.id || '-' || m, 'EMAIL', c.email, 'Invoice ' || m, 'x', c.id, 'SENT', make_date(2025, m, 1) + time '08:00'
      FROM "Customer" c CROSS JOIN generate_series(1, 12) m`);
  await sql.query(`
    INSERT INTO "AuditLog" ("actorType", "actorLabel", action, "customerId", at)
    SELECT 'SYSTEM', 'system', 'customer.update', c.id, make_date(2025, m * 2, 3) + time '10:00'
      FROM "Customer" c CROSS JOIN generate_series(1, 6) m`);
  await sql.query("ANALYZE");
  const { rows } = await sql.query<{ customers: string; invoices: string }>(
    `SELECT (SELECT count(*) FROM "Customer") AS customers, (SELECT count(*) FROM "Invoice") AS invoices`,
  );
  log(
    `data: ${rows[0].customers} customers, ${rows[0].invoices} invoices in ${((Date.now() - t) / 1000).toFixed(0)} s`,
  );
  const ids = (
    await sql.query<{ id: string }>(`SELECT id FROM "Customer" ORDER BY random() LIMIT ${VIEWS}`)
  ).rows.map((r) => r.id);
  await sql.end();

  process.env.DATABASE_URL = url; // before any lib module connects
  const { db, disconnectDb } = await import("../lib/db");
  const { getCustomerDetails } = await import("../lib/customers/get-customer-details");
  const { getCustomerOverview } = await import("../lib/customers/get-customer-overview");
  const { getCustomerSummary } = await import("../lib/customers/get-customer-summary");
  const { getCustomerTimeline } = await import("../lib/customers/get-customer-timeline");
  const actor = { kind: "user" as const, id: "bench", role: "ADMIN" as const, name: "Bench" };
  const timed = async <T>(out: number[], fn: () => Promise<T>) => {
    const s = performance.now();
    const r = await fn();
    out.push(performance.now() - s);
    return r;
  };
  const m = {
    page: [] as number[],
    details: [] as number[],
    overview: [] as number[],
    summary: [] as number[],
    timeline: [] as number[],
    invoices: [] as number[],
  };
  for (const customerId of ids.slice(0, 20))
    // warm-up
    await getCustomerTimeline({ actor, customerId });
  t = Date.now();
  for (const customerId of ids) {
    const s = performance.now();
    await Promise.all([
      timed(m.details, () => getCustomerDetails({ actor, customerId })),
      timed(m.overview, () => getCustomerOverview({ actor, customerId })),
      timed(m.summary, () => getCustomerSummary({ actor, customerId })),
      timed(m.timeline, () => getCustomerTimeline({ actor, customerId })),
    ]);
    m.page.push(performance.now() - s);
    await timed(m.invoices, () => getCustomerTimeline({ actor, customerId, kinds: ["invoice"] }));
  }
  log(`${ids.length} customer views in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  for (const [k, xs] of Object.entries(m)) log(`${k.padEnd(9)} ${fmt(xs)}`);
  await disconnectDb();
  void db;
} finally {
  await server.stop();
}
