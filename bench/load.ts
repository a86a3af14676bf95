// npm run bench:load -- [--url http://localhost:3000] [--users 200] [--staff 20] [--seconds 60]
//                      [--think 5]
// Month-end rush against a running production server (`npm start` on the seeded data set):
// portal users sign in once through the sign-in route and loop dashboard → invoices → one
// invoice's PDF → usage; staff sign in once and loop customer search → a customer's 360 page →
// invoice list. Each simulated person waits `--think` seconds on average (uniform 0.5×–1.5×)
// between pages, as people read a page before the next; `--think 0` is a closed loop that
// measures capacity. Prints throughput, p50/p95/p99 per page kind, errors (any non-2xx or a page
// other than the one asked for) and the machine's load average. The accounts are set up first
// through the database the server uses (bench/load-prepare.ts; DATA_DIR or DATABASE_URL as for
// `npm start`).
import http from "node:http";
import os from "node:os";
import { parseArgs } from "node:util";
import { Browser, type Result, type Sample } from "./load-client";
import { cpuSeconds, findServerPid, postmasterPid } from "./load-cpu";
import { prepareAccounts } from "./load-prepare";

const { values } = parseArgs({
  options: {
    url: { type: "string", default: `http://localhost:${process.env.PORT ?? 3000}` },
    users: { type: "string", default: "200" },
    staff: { type: "string", default: "20" },
    seconds: { type: "string", default: "60" },
    think: { type: "string", default: "5" },
    password: { type: "string", default: "load-bench-password-2026" },
  },
});
const base = new URL(values.url!);
const USERS = Number(values.users);
const STAFF = Number(values.staff);
const SECONDS = Number(values.seconds);
const THINK_MS = Number(values.think) * 1000;
const PORTAL_KINDS = ["dashboard", "invoices", "invoice-pdf", "usage"];
const STAFF_KINDS = ["customer-search", "customer-360", "staff-invoices"];

const agent = new http.Agent({ keepAlive: true, maxSockets: USERS + STAFF + 10 });
const samples: Sample[] = [];
const errors = new Map<string, { count: number; example: string }>();
let stopAt = 0;

const html = (r: Result) => r.body.toString();
const has = (text: string) => (r: Result) => html(r).includes(text);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const think = () => (THINK_MS ? sleep(THINK_MS * (0.5 + Math.random())) : Promise.resolve());
const pick = <T>(list: T[]) => list[Math.floor(Math.random() * list.length)];

function record(s: Sample) {
  if (Date.now() > stopAt) return;
  samples.push(s);
  if (!s.ok) {
    const e = errors.get(s.kind) ?? { count: 0, example: s.why ?? "" };
    e.count++;
    errors.set(s.kind, e);
  }
}

async function portalUser(b: Browser) {
  while (Date.now() < stopAt) {
    record(await b.timed("dashboard", "/portal", has("Hello, ")));
    await think();
    const list = await b.timed("invoices", "/portal/invoices", has("Your invoices"));
    record(list);
    await think();
    const ids = list.res
      ? [...html(list.res).matchAll(/href="\/portal\/invoices\/([\w-]{20,})"/g)]
      : [];
    if (ids.length) {
      const pdf = (r: Result) => r.body.subarray(0, 5).toString() === "%PDF-";
      record(await b.timed("invoice-pdf", `/api/invoices/${pick(ids)[1]}/pdf`, pdf));
      await think();
    } else if (list.ok) {
      record({ kind: "invoice-pdf", ms: 0, ok: false, why: "no invoice link on /portal/invoices" });
    }
    record(await b.timed("usage", "/portal/usage", has(">Usage</h1>")));
    await think();
  }
}

const SEARCHES = [
  "van der",
  "smit",
  "botha",
  "naidoo",
  "jacobs",
  "du plessis",
  "dlamini",
  "fourie",
];

async function staffUser(b: Browser) {
  while (Date.now() < stopAt) {
    const q = pick(SEARCHES);
    const search = await b.timed(
      "customer-search",
      `/admin/customers?q=${encodeURIComponent(q)}`,
      has(">Customers</h1>"),
    );
    record(search);
    await think();
    const ids = search.res
      ? [...html(search.res).matchAll(/href="\/admin\/customers\/([\w-]{20,})"/g)]
      : [];
    if (ids.length) {
      record(await b.timed("customer-360", `/admin/customers/${pick(ids)[1]}`, has("← Customers")));
      await think();
    }
    record(await b.timed("staff-invoices", "/admin/invoices", has(">Invoices</h1>")));
    await think();
  }
}

async function inBatches<T>(items: T[], size: number, fn: (t: T) => Promise<void>) {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(fn));
}

function quantile(sorted: number[], p: number) {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] : NaN;
}

function report(kinds: string[], seconds: number) {
  const rows = kinds.map((kind) => {
    const ms = samples.filter((s) => s.kind === kind).map((s) => s.ms);
    ms.sort((a, b) => a - b);
    const f = (p: number) => quantile(ms, p).toFixed(0).padStart(6);
    const errs = errors.get(kind)?.count ?? 0;
    return `${kind.padEnd(16)} ${String(ms.length).padStart(7)} ${(ms.length / seconds).toFixed(1).padStart(7)} ${f(0.5)} ${f(0.95)} ${f(0.99)} ${String(errs).padStart(6)}`;
  });
  return [
    `${"page".padEnd(16)} ${"count".padStart(7)} ${"req/s".padStart(7)} ${"p50".padStart(6)} ${"p95".padStart(6)} ${"p99".padStart(6)} ${"errors".padStart(6)}`,
    ...rows,
  ];
}

const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");

async function main() {
  console.log(
    `[load] ${USERS} portal users, ${STAFF} staff, ${SECONDS} s, think ${THINK_MS / 1000} s, against ${base.origin}`,
  );
  const accounts = await prepareAccounts({
    users: USERS,
    staff: STAFF,
    password: values.password!,
  });
  if (accounts.portal.length < USERS)
    console.log(
      `[load] only ${accounts.portal.length} customers have issued invoices: ${accounts.portal.length} portal users`,
    );
  const portal = accounts.portal.map((email) => ({ email, b: new Browser(base, agent) }));
  const staff = accounts.staff.map((email) => ({ email, b: new Browser(base, agent) }));
  const t0 = performance.now();
  // Sign-ins a few at a time: argon2 verification is deliberately costly, and a real rush does
  // not sign everyone in within the same second.
  await inBatches(
    [
      ...portal.map((p) => ({ ...p, to: "/portal" })),
      ...staff.map((s) => ({ ...s, to: "/admin" })),
    ],
    8,
    (u) => u.b.signIn(u.email, accounts.password, u.to),
  );
  console.log(
    `[load] ${portal.length + staff.length} sign-ins in ${((performance.now() - t0) / 1000).toFixed(1)} s; load average ${load()} before the run`,
  );
  const serverPid = findServerPid(base.port || "80");
  const pgPid = postmasterPid(process.env.DATA_DIR ?? "./data");
  const cpuBefore = cpuSeconds(serverPid, pgPid);
  const started = Date.now();
  stopAt = started + SECONDS * 1000;
  // Users start spread over the first think time, not all on the same millisecond.
  await Promise.all([
    ...portal.map(async (p) => (await sleep(Math.random() * THINK_MS), portalUser(p.b))),
    ...staff.map(async (s) => (await sleep(Math.random() * THINK_MS), staffUser(s.b))),
  ]);
  const cpuAfter = cpuSeconds(serverPid, pgPid);
  const seconds = SECONDS;
  const total = samples.length;
  const portalMs = samples
    .filter((s) => PORTAL_KINDS.includes(s.kind))
    .map((s) => s.ms)
    .sort((a, b) => a - b);
  console.log(
    `[load] ${total} requests in ${seconds} s: ${(total / seconds).toFixed(1)} req/s; load average ${load()} (${os.cpus().length} cores, shared)`,
  );
  const perRequest = (k: "app" | "pg") => {
    const used = cpuAfter[k] - cpuBefore[k];
    return Number.isNaN(used)
      ? "not found"
      : `${used.toFixed(1)} s (${((used * 1000) / Math.max(1, total)).toFixed(1)} ms/request)`;
  };
  console.log(`[load] CPU used: app ${perRequest("app")}, PostgreSQL ${perRequest("pg")}`);
  for (const line of report([...PORTAL_KINDS, ...STAFF_KINDS], seconds))
    console.log(`[load] ${line}`);
  const p95 = quantile(portalMs, 0.95);
  const errorCount = [...errors.values()].reduce((n, e) => n + e.count, 0);
  console.log(
    `[load] portal pages together: p50 ${quantile(portalMs, 0.5).toFixed(0)} ms, p95 ${p95.toFixed(0)} ms, p99 ${quantile(portalMs, 0.99).toFixed(0)} ms; errors ${errorCount}`,
  );
  for (const [kind, e] of errors)
    console.log(`[load] errors ${kind}: ${e.count}, e.g. ${e.example}`);
  console.log(
    `[load] bar (0 errors, portal p95 ≤ 300 ms): ${errorCount === 0 && p95 <= 300 ? "met" : "missed"}`,
  );
  agent.destroy();
}

main().catch((e) => {
  console.error("[load] failed:", e instanceof Error ? e.message : e);
  process.exit(1);
});
