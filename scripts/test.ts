// npm test: everything, in the order that fails fastest. Type check and lint run side by side,
// then the production build (the start/stop tests and the e2e suite serve it), then Vitest
// (unit + integration on real PostgreSQL), then Playwright in Chromium.
import { spawn } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { needsBuild } from "../lib/runtime/needs-build";

type Step = { name: string; cmd: string[] };
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

function run(step: Step): Promise<{ name: string; ok: boolean; seconds: number }> {
  const started = Date.now();
  console.log(`\n▶ ${step.name}: ${step.cmd.join(" ")}`);
  return new Promise((resolve) => {
    const child = spawn(step.cmd[0], step.cmd.slice(1), { stdio: "inherit", env });
    child.on("exit", (code) =>
      resolve({ name: step.name, ok: code === 0, seconds: (Date.now() - started) / 1000 }),
    );
  });
}

const only = process.argv.slice(2);
const want = (name: string) => only.length === 0 || only.includes(name);
const results = [];
const checks: Step[] = [
  { name: "typecheck", cmd: ["npx", "tsc", "--noEmit"] },
  { name: "lint", cmd: ["npx", "eslint", ".", "--max-warnings=0"] },
  { name: "format", cmd: ["npx", "prettier", "--check", "--log-level", "warn", "."] },
].filter((s) => want(s.name));
results.push(...(await Promise.all(checks.map(run))));
if ((want("vitest") || want("e2e")) && needsBuild())
  results.push(await run({ name: "build", cmd: ["npx", "next", "build"] }));
if (want("vitest")) {
  // Vitest has exited 0 after failed tests when reporting an error's stack itself failed (a
  // broken source map), so its own summary decides too: every test file passed.
  const report = path.join(tmpdir(), `lastmile-vitest-${process.pid}.json`);
  const r = await run({
    name: "vitest",
    cmd: [
      "npx",
      "vitest",
      "run",
      "--reporter=default",
      "--reporter=json",
      `--outputFile=${report}`,
    ],
  });
  const summary = existsSync(report)
    ? (JSON.parse(readFileSync(report, "utf8")) as { success: boolean; numFailedTests: number })
    : null;
  rmSync(report, { force: true });
  if (!summary?.success || summary.numFailedTests > 0) r.ok = false;
  results.push(r);
}
if (want("e2e")) results.push(await run({ name: "e2e", cmd: ["npx", "playwright", "test"] }));

console.log("\nSummary");
for (const r of results)
  console.log(`  ${r.ok ? "✓" : "✗"} ${r.name.padEnd(10)} ${r.seconds.toFixed(1)} s`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
