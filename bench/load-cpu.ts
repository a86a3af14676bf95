// CPU seconds the server under test spent, read from /proc (Linux): on a machine shared with
// others, wall-clock latency says as much about the neighbours as about us, while CPU per request
// is ours alone. The app is the `npm start` process serving the port; PostgreSQL is the embedded
// cluster under DATA_DIR (its postmaster, the children it reaped, and its live backends).
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

const pids = () =>
  readdirSync("/proc")
    .filter((d) => /^\d+$/.test(d))
    .map(Number);

/** The node process running scripts/start.ts with PORT=port (the one that serves it), if any. */
export function findServerPid(port: string): number | null {
  let best: { pid: number; rss: number } | null = null;
  for (const pid of pids()) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
      if (!cmd[0].endsWith("node") || !cmd.includes("scripts/start.ts")) continue;
      const env = readFileSync(`/proc/${pid}/environ`, "utf8").split("\0");
      if (!env.includes(`PORT=${port}`)) continue;
      // npm and tsx's launcher match too; the server is the big one.
      const rss = Number(readFileSync(`/proc/${pid}/statm`, "utf8").split(" ")[1]);
      if (!best || rss > best.rss) best = { pid, rss };
    } catch {
      // gone or not ours
    }
  }
  return best?.pid ?? null;
}

export function postmasterPid(dataDir: string): number | null {
  const file = path.join(dataDir, "pg", "postmaster.pid");
  return existsSync(file) ? Number(readFileSync(file, "utf8").split("\n")[0]) : null;
}

/** CPU seconds so far: the app process, and PostgreSQL with all its backends. */
export function cpuSeconds(serverPid: number | null, pgPid: number | null) {
  const app = serverPid ? (stat(serverPid)?.own ?? NaN) : NaN;
  let pg = NaN;
  if (pgPid) {
    const master = stat(pgPid);
    if (master) {
      pg = master.own + master.reaped;
      for (const p of pids()) {
        const s = p === pgPid ? null : stat(p);
        if (s?.ppid === pgPid) pg += s.own;
      }
    }
  }
  return { app, pg };
}
