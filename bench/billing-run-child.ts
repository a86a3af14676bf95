// One billing run in its own process, so its peak memory (maxRSS) is the app's alone.
// argv: <database url> <asOf> [repeat]. Prints one JSON line.
import "../lib/runtime/allow-server-only"; // first: lets server-only lib modules load in Node
const [url, asOf, repeat] = process.argv.slice(2);
process.env.DATABASE_URL = url;
process.env.LOG_LEVEL = "silent";

const { runBilling } = await import("../lib/billing/run-billing");
const { SYSTEM } = await import("../lib/auth/roles");
const { disconnectDb } = await import("../lib/db");

const c0 = process.cpuUsage();
const t0 = performance.now();
const first = await runBilling({ asOf, actor: SYSTEM, trigger: "bench" });
const firstMs = performance.now() - t0;
const cpu = process.cpuUsage(c0);
let rerun: { ms: number; invoices: number } | undefined;
if (repeat === "repeat") {
  const t1 = performance.now();
  const again = await runBilling({ asOf, actor: SYSTEM, trigger: "bench" });
  rerun = { ms: performance.now() - t1, invoices: again.invoicesCreated };
}
await disconnectDb();
console.log(
  JSON.stringify({
    ms: firstMs,
    summary: first,
    rerun,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    cpuMs: (cpu.user + cpu.system) / 1000,
  }),
);
export {};
