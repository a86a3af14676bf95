// npm run bench:usage — folds FreeRADIUS accounting into daily usage (lib/usage/fold-usage.ts) on
// its own embedded PostgreSQL: 50,000 services, four sessions each over two days (200,000 radacct
// rows, half still open, totals above 4 GiB), folded once; then every open session reports again
// and the fold runs a second time. Prints rows per second and the ratio to a plain SQL aggregate
// of the same rows (what a fold that could not tell old bytes from new would cost at least).
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "../lib/db/embedded-postgres";
import { applyMigrations } from "../lib/db/schema-engine";

const SERVICES = 50_000;
const SESSIONS_PER_SERVICE = 4;
const AS_OF = new Date("2026-11-10T12:00:00Z");

const dir = await mkdtemp(path.join(os.tmpdir(), "lastmile-bench-usage-"));
const server = await startEmbeddedPostgres({ dataDir: dir, persistent: false });
const ms = (t: number) => performance.now() - t;
try {
  const admin = new pg.Client({ connectionString: server.url("postgres") });
  await admin.connect();
  await admin.query("CREATE DATABASE bench");
  await admin.end();
  const url = server.url("bench");
  await applyMigrations(url);
  process.env.DATABASE_URL = url; // before any lib module connects
  const { createIsp } = await import("../lib/setup/create-isp");
  const { db, disconnectDb } = await import("../lib/db");
  const { generateCustomers } = await import("../lib/demo/generate-customers");
  const { foldUsage } = await import("../lib/usage/fold-usage");
  const { setClock } = await import("../lib/time/clock");
  setClock(AS_OF);

  await createIsp({
    name: "Bench ISP",
    country: "ZA",
    currency: "ZAR",
    timeZone: "Africa/Johannesburg",
    taxRate: 15,
    adminName: "Bench",
    adminEmail: "bench@example.test",
    adminPassword: "bench-password-1",
  });
  const tax = await db.taxClass.findFirstOrThrow();
  await db.product.create({
    data: { code: "F100", name: "Fibre 100", kind: "PLAN", price: 50000, taxClassId: tax.id },
  });
  await generateCustomers({ count: SERVICES, seed: 7 });
  // Sessions as FreeRADIUS writes them: session k of each user started k×10 h before AS_OF;
  // the older two have stopped, the newer two are open with an interim 5 minutes ago.
  let t = performance.now();
  const rows = await db.$executeRawUnsafe(
    `INSERT INTO radacct (acctsessionid, acctuniqueid, username, nasipaddress, acctstarttime,
                          acctupdatetime, acctstoptime, acctinputoctets, acctoutputoctets)
     SELECT s.id || '-' || k, md5(s.id || '-' || k), s."radiusUsername", '192.0.2.1',
            $1::timestamptz - make_interval(hours => k * 10),
            CASE WHEN k > 2 THEN $1::timestamptz - make_interval(hours => k * 10 - 8)
                 ELSE $1::timestamptz - interval '5 minutes' END,
            CASE WHEN k > 2 THEN $1::timestamptz - make_interval(hours => k * 10 - 8) END,
            (random() * 2e9)::bigint, (random() * 2e10)::bigint
       FROM "Subscription" s, generate_series(1, ${SESSIONS_PER_SERVICE}) AS k
      WHERE s."radiusUsername" IS NOT NULL`,
    AS_OF,
  );
  await db.$executeRawUnsafe("ANALYZE radacct");
  console.log(`radacct: ${rows.toLocaleString()} rows written in ${ms(t).toFixed(0)} ms`);

  t = performance.now();
  const first = await foldUsage();
  const firstMs = ms(t);
  await db.$executeRawUnsafe(
    `UPDATE radacct SET acctupdatetime = $1, acctoutputoctets = acctoutputoctets + 1000000,
            acctinputoctets = acctinputoctets + 10000 WHERE acctstoptime IS NULL`,
    AS_OF,
  );
  setClock(new Date(AS_OF.getTime() + 5 * 60_000));
  t = performance.now();
  const second = await foldUsage();
  const secondMs = ms(t);

  t = performance.now();
  await db.$queryRawUnsafe(
    `SELECT s.id, (COALESCE(r.acctstoptime, r.acctupdatetime, r.acctstarttime) AT TIME ZONE 'Africa/Johannesburg')::date,
            sum(r.acctoutputoctets), sum(r.acctinputoctets)
       FROM radacct r JOIN "Subscription" s ON s."radiusUsername" = r.username GROUP BY 1, 2`,
  );
  const plainMs = ms(t);

  const perSecond = (n: number, took: number) => Math.round((n / took) * 1000);
  console.log(
    `first fold:  ${first.sessions.toLocaleString()} sessions → ${first.days.toLocaleString()} service-days in ${firstMs.toFixed(0)} ms = ${perSecond(first.sessions, firstMs).toLocaleString()} rows/s`,
  );
  console.log(
    `second fold: ${second.sessions.toLocaleString()} sessions (open ones grew) in ${secondMs.toFixed(0)} ms = ${perSecond(second.sessions, secondMs).toLocaleString()} rows/s`,
  );
  console.log(
    `plain SQL aggregate of all ${rows.toLocaleString()} rows: ${plainMs.toFixed(0)} ms = ${perSecond(rows, plainMs).toLocaleString()} rows/s`,
  );
  console.log(`ratio first fold / plain aggregate: ${(firstMs / plainMs).toFixed(2)}×`);
  await disconnectDb();
} finally {
  await server.stop();
  await rm(dir, { recursive: true, force: true });
}
process.exit(0);
