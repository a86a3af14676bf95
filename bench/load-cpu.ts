// CPU seconds the server under test spent, read from /proc (Linux): on a machine shared with
// others, wall-clock latency says as much about the neighbours as about us, while CPU per request
// is ours alone. The app is the `npm start` process serving the port; PostgreSQL is the embedded
// cluster under DATA_DIR (its postmaster, the children it reaped, and its live backends). Both
// include the processes' children: web workers (WEB_WORKERS) and PostgreSQL backends.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const TICK = 100; // USER_HZ on Linux

type Stat = { pid: number; ppid: number; own: number; reaped: number };

function stat(pid: number): Stat | null {
  try {
    const raw = readFileSync(`/proc/${pid}/stat`, "utf8");
    const f = raw.slice(raw.lastIndexOf(")") + 2).split(" "); // fields from 3 (state) on
    const n = (i: number) => Number(f[i - 3]);
    return { pid, ppid: n(4), own: (n(14) + n(15)) / TICK, reaped: (n(16) + n(17)) / TICK };
  } catch {
    return null;
  }
}

function isNode(pid: number) {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0")[0].endsWith("node");
  } catch {
    return false;
  }
}

const pids = () =>
  readdirSync("/proc")
    .filter((d) => /^\d+$/.test(d))
    .map(Number);

/** The node process running scripts/start.ts with PORT=port (the one that serves it), if any. */
export function findServerPid(port: string): number | null {
  const found = new Map<number, number>(); // pid → parent
  for (const pid of pids()) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
      // npm and tsx's launcher match too; the server is node with tsx's loader preloaded.
      if (!cmd[0].endsWith("node") || !cmd.includes("scripts/start.ts")) continue;
      if (!cmd.some((a) => a.includes("preflight") || a.includes("--import"))) continue;
      const env = readFileSync(`/proc/${pid}/environ`, "utf8").split("\0");
      if (env.includes(`PORT=${port}`)) found.set(pid, stat(pid)?.ppid ?? 0);
    } catch {
      // gone or not ours
    }
  }
  // Web workers run the same command as children of the server: take the topmost.
  return [...found].find(([, parent]) => !found.has(parent))?.[0] ?? null;
}

export function postmasterPid(dataDir: string): number | null {
  const file = path.join(dataDir, "pg", "postmaster.pid");
  return existsSync(file) ? Number(readFileSync(file, "utf8").split("\n")[0]) : null;
}

/** CPU seconds so far: the app process, and PostgreSQL with all its backends. */
export function cpuSeconds(serverPid: number | null, pgPid: number | null) {
  // With WEB_WORKERS the pages render in node children of the server process.
  let app = serverPid ? (stat(serverPid)?.own ?? NaN) : NaN;
  if (serverPid)
    for (const p of pids()) {
      const s: Stat | null = stat(p);
      if (s?.ppid === serverPid && isNode(p)) app += s.own;
    }
  let pg = NaN;
  if (pgPid) {
    const master = stat(pgPid);
    if (master) {
      pg = master.own + master.reaped;
      for (const p of pids()) {
        const s: Stat | null = p === pgPid ? null : stat(p);
        if (s?.ppid === pgPid) pg += s.own;
      }
    }
  }
  return { app, pg };
}
