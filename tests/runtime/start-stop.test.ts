// `npm start` as a user runs it: embedded PostgreSQL under DATA_DIR, stop with SIGTERM, start
// again, kill -9, start again — the data is there every time. Also the one-line errors.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, test } from "vitest";
import { freePort } from "@/lib/db/embedded-postgres";

const dataDir = mkdtempSync(path.join(os.tmpdir(), "lastmile-start-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

type Started = { child: ChildProcess; output: () => string; exited: Promise<number | null> };

function start(port: number, extraEnv: Record<string, string> = {}): Started {
  let out = "";
  // node itself (not npx), so SIGKILL hits the process that serves, as kill -9 would.
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: dataDir,
      DEMO_DATA: "false",
      DATABASE_URL: "",
      VITEST: "",
      ...extraEnv,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, output: () => out, exited };
}

async function waitFor(s: Started, text: string, ms = 180_000) {
  const until = Date.now() + ms;
  while (!s.output().includes(text)) {
    if (Date.now() > until || s.child.exitCode !== null)
      throw new Error(`did not see "${text}":\n${s.output()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Connects to the embedded server the app started, as an operator would. */
function databaseUrl(): string {
  const pid = readFileSync(path.join(dataDir, "pg", "postmaster.pid"), "utf8").split("\n");
  const password = readFileSync(path.join(dataDir, "pg-password"), "utf8").trim();
  return `postgresql://lastmile:${encodeURIComponent(password)}@127.0.0.1:${pid[3]}/lastmile`;
}

async function sql<T extends pg.QueryResultRow>(
  query: string,
  params: unknown[] = [],
): Promise<T[]> {
  const client = new pg.Client({ connectionString: databaseUrl() });
  await client.connect();
  try {
    return (await client.query<T>(query, params)).rows;
  } finally {
    await client.end();
  }
}

describe("npm start", () => {
  test("serves, stops cleanly, restarts and survives kill -9 with the data kept", async () => {
    const port = await freePort();
    const first = start(port);
    await waitFor(first, "serving http://");
    expect(first.output()).toContain("database: embedded PostgreSQL");
    expect(first.output()).toContain("first-run setup");
    const res = await fetch(`http://127.0.0.1:${port}/signin`);
    expect(res.status).toBe(200);
    await sql(
      `INSERT INTO "AuditLog" ("actorType","actorLabel","action") VALUES ('SYSTEM','test','test.marker')`,
    );
    // The app connects as the non-superuser application role; its password is in 0600 secrets.
    const others = await sql(
      `SELECT usename FROM pg_stat_activity
       WHERE datname = 'lastmile' AND pid <> pg_backend_pid() AND usename <> 'lastmile_app'`,
    );
    expect(others).toEqual([]);
    expect(await sql(`SELECT rolsuper FROM pg_roles WHERE rolname = 'lastmile_app'`)).toEqual([
      { rolsuper: false },
    ]);
    expect(statSync(path.join(dataDir, "secrets.json")).mode & 0o777).toBe(0o600);

    first.child.kill("SIGTERM");
    expect(await first.exited).toBe(0);
    expect(first.output()).toContain("stopped");
    expect(existsSync(path.join(dataDir, "pg", "postmaster.pid"))).toBe(false);

    const second = start(port);
    await waitFor(second, "serving http://");
    expect(second.output()).toContain("migrations: up to date");
    expect(await sql(`SELECT 1 FROM "AuditLog" WHERE "action" = 'test.marker'`)).toHaveLength(1);
    await sql(
      `INSERT INTO "AuditLog" ("actorType","actorLabel","action") VALUES ('SYSTEM','test','test.after_restart')`,
    );

    second.child.kill("SIGKILL");
    await second.exited;
    const third = start(port);
    await waitFor(third, "serving http://");
    expect(third.output()).toMatch(/left running by an earlier start|database: embedded/);
    const rows = await sql<{ action: string }>(
      `SELECT "action" FROM "AuditLog" WHERE "action" LIKE 'test.%' ORDER BY "id"`,
    );
    expect(rows.map((r) => r.action)).toEqual(["test.marker", "test.after_restart"]);
    third.child.kill("SIGINT");
    expect(await third.exited).toBe(0);
  }, 400_000);

  test("a taken port is one clear error line", async () => {
    const port = await freePort();
    const blocker = net.createServer().listen(port);
    try {
      const s = start(port);
      expect(await s.exited).toBe(1);
      expect(s.output()).toContain(`[lastmile] error: port ${port} is already in use`);
      expect(s.output()).not.toMatch(/\n\s+at /); // no stack trace
    } finally {
      blocker.close();
    }
  }, 60_000);

  test("a wrong DATABASE_URL is one clear error line", async () => {
    const s = start(await freePort(), {
      DATABASE_URL: "postgresql://nobody:wrong@127.0.0.1:1/none",
    });
    expect(await s.exited).toBe(1);
    expect(s.output()).toMatch(/^\[lastmile\] Lastmile \d+\.\d+\.\d+ \(Node v/); // first line: the version
    expect(s.output()).toMatch(
      /\[lastmile\] error: cannot connect to PostgreSQL at 127\.0\.0\.1:1\/none/,
    );
    expect(s.output()).not.toMatch(/\n\s+at /);
  }, 60_000);
});
