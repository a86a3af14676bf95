// npm run bench:feasibility — the coverage check against 1,000 coverage polygons (32 corners
// each, overlapping, three technologies, some planned) and 100,000 serviceable addresses, on
// its own embedded PostgreSQL. Prints server-side latency percentiles for checkFeasibility
// (what GET /api/v1/feasibility runs) and for the address search, plus the one-off index build.
import "../lib/runtime/allow-server-only"; // first: lets server-only lib modules load in Node
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "../lib/db/embedded-postgres";
import { applyMigrations } from "../lib/db/schema-engine";

const AREAS = 1000;
const ADDRESSES = 100_000;
const CHECKS = 3000;
const SEARCHES = 500;
const REGION = { lat: -26.2, lng: 28.0, dLat: 0.5, dLng: 0.8 }; // roughly Johannesburg–Pretoria

let seed = 42;
const rnd = () => (seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32;
const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const fmt = (ms: number) => `${ms.toFixed(2)} ms`;

function polygon(cLat: number, cLng: number, radius: number) {
  const ring: [number, number][] = [];
  for (let i = 0; i < 32; i++) {
    const a = (i / 32) * 2 * Math.PI;
    const r = radius * (0.7 + rnd() * 0.5);
    ring.push([+(cLng + Math.cos(a) * r * 1.2).toFixed(6), +(cLat + Math.sin(a) * r).toFixed(6)]);
  }
  ring.push(ring[0]);
  return { type: "Polygon", coordinates: [ring] };
}

const dir = await mkdtemp(path.join(os.tmpdir(), "lastmile-bench-feas-"));
const server = await startEmbeddedPostgres({ dataDir: dir, persistent: false });
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
  const { checkFeasibility } = await import("../lib/coverage/check-feasibility");
  const { searchAddresses } = await import("../lib/coverage/search-addresses");
  const { bboxOf } = await import("../lib/coverage/geometry");

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
  const tax = await db.taxClass.findFirstOrThrow({ where: { isDefault: true } });
  const techs = ["FIBRE", "FIBRE", "WIRELESS", "LTE"] as const;
  const products: { id: string; kind: string; technology: string | null }[] = [];
  for (const [i, t] of ["FIBRE", "FIBRE", "FIBRE", "WIRELESS", "WIRELESS", "LTE"].entries()) {
    products.push(
      await db.product.create({
        data: {
          code: `P${i}`,
          name: `Plan ${i}`,
          kind: "PLAN",
          technology: t as (typeof techs)[number],
          downloadMbps: 10 * (i + 1),
          uploadMbps: 5,
          price: 30000 + i * 10000,
          taxClassId: tax.id,
        },
      }),
    );
  }
  for (const i of [0, 1])
    products.push(
      await db.product.create({
        data: { code: `A${i}`, name: `Addon ${i}`, kind: "ADDON", price: 9900, taxClassId: tax.id },
      }),
    );

  let t0 = performance.now();
  const cols = 40;
  const rows = AREAS / cols;
  const cell = { lat: (2 * REGION.dLat) / rows, lng: (2 * REGION.dLng) / cols };
  const areas = Array.from({ length: AREAS }, (_, i) => {
    const lat = REGION.lat - REGION.dLat + (Math.floor(i / cols) + 0.5) * cell.lat;
    const lng = REGION.lng - REGION.dLng + ((i % cols) + 0.5) * cell.lng;
    const geometry = polygon(lat, lng, cell.lat * 0.6);
    return {
      id: `area_${i}`,
      name: `Area ${i}`,
      technology: techs[i % techs.length],
      status: rnd() < 0.1 ? "PLANNED" : "LIVE",
      geometry,
      ...bboxOf(geometry as never),
    };
  });
  await db.coverageArea.createMany({
    data: areas.map((a) => ({ ...a, status: a.status as "LIVE" | "PLANNED" })),
  });
  const links = areas.flatMap((a) =>
    products
      .filter((p) => p.kind === "ADDON" || p.technology === a.technology)
      .map((p) => ({ A: a.id, B: p.id })),
  );
  await db.$executeRawUnsafe(
    `INSERT INTO "_CoverageAreaToProduct" ("A", "B") SELECT * FROM unnest($1::text[], $2::text[])`,
    links.map((l) => l.A),
    links.map((l) => l.B),
  );
  await db.$executeRawUnsafe(`
    INSERT INTO "ServiceableAddress" ("id", "externalId", "line1", "suburb", "city", "postalCode", "searchText", "lat", "lng", "technology")
    SELECT 'sa' || g, 'HP' || g, (1 + g % 200) || ' ' || s.street, 'Suburb ' || (g % 300), 'City ' || (g % 7), lpad((g % 9999)::text, 4, '0'),
           lower((1 + g % 200) || ' ' || s.street || ' suburb ' || (g % 300) || ' city ' || (g % 7) || ' ' || lpad((g % 9999)::text, 4, '0')),
           ${REGION.lat} + (random() * 2 - 1) * ${REGION.dLat}, ${REGION.lng} + (random() * 2 - 1) * ${REGION.dLng}, 'FIBRE'
      FROM generate_series(1, ${ADDRESSES}) g
      CROSS JOIN LATERAL (SELECT (ARRAY['Main Road','Church Street','Oak Avenue','Jan Smuts Avenue','Rivonia Road','Louis Botha Avenue','Beyers Naude Drive','Witkoppen Road'])[1 + g % 8] || ' ' || (g % 97) AS street) s`);
  await db.$executeRawUnsafe(`ANALYZE`);
  console.log(
    `loaded ${AREAS.toLocaleString()} polygons (32 corners) and ${ADDRESSES.toLocaleString()} serviceable addresses in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );

  const point = () =>
    rnd() < 0.8
      ? {
          lat: REGION.lat + (rnd() * 2 - 1) * REGION.dLat,
          lng: REGION.lng + (rnd() * 2 - 1) * REGION.dLng,
        }
      : { lat: REGION.lat + 2 + rnd(), lng: REGION.lng + 2 + rnd() }; // outside all coverage
  t0 = performance.now();
  await checkFeasibility(point());
  console.log(`first check (builds the polygon index): ${fmt(performance.now() - t0)}`);
  for (let i = 0; i < 100; i++) await checkFeasibility(point()); // warm the query plans

  const times: number[] = [];
  const statuses: Record<string, number> = {};
  for (let i = 0; i < CHECKS; i++) {
    const t = performance.now();
    const r = await checkFeasibility(point());
    times.push(performance.now() - t);
    statuses[r.status] = (statuses[r.status] ?? 0) + 1;
  }
  times.sort((a, b) => a - b);
  console.log(
    `checkFeasibility × ${CHECKS}: p50 ${fmt(pct(times, 50))}, p95 ${fmt(pct(times, 95))}, p99 ${fmt(pct(times, 99))}, max ${fmt(times[times.length - 1])} (${Object.entries(
      statuses,
    )
      .map(([k, v]) => `${k} ${v}`)
      .join(", ")})`,
  );
  console.log(
    `bar: p95 ≤ 50 ms → ${pct(times, 95) <= 50 ? "met" : "NOT met"} (${(50 / pct(times, 95)).toFixed(0)}× headroom)`,
  );

  const words = [
    "main road 12",
    "church",
    "oak avenue 40 suburb 12",
    "rivonia",
    "louis botha 3",
    "jan smuts avenue",
    "17 witkoppen",
    "beyers naude 96 city 3",
  ];
  const search: number[] = [];
  for (let i = 0; i < SEARCHES; i++) {
    const t = performance.now();
    await searchAddresses({ q: words[i % words.length] });
    search.push(performance.now() - t);
  }
  search.sort((a, b) => a - b);
  console.log(
    `searchAddresses × ${SEARCHES}: p50 ${fmt(pct(search, 50))}, p95 ${fmt(pct(search, 95))}, p99 ${fmt(pct(search, 99))}`,
  );
  await disconnectDb();
} finally {
  await server.stop();
  await rm(dir, { recursive: true, force: true });
}
