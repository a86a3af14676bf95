// npm start: the whole product on one machine. Without DATABASE_URL it runs an embedded
// PostgreSQL under ./data; it applies migrations, loads demo data on first run, builds the app
// when needed, serves it and runs the job schedule. Ctrl-C stops everything cleanly.
import { spawnSync } from "node:child_process";
import http from "node:http";
import path from "node:path";
import pg from "pg";
import { needsBuild } from "../lib/runtime/needs-build";
import { appVersion } from "../lib/ops/app-version";

process.env.NEXT_TELEMETRY_DISABLED = "1";
const log = (m: string) => console.log(`[lastmile] ${m}`);
const fail = (m: string): never => {
  console.error(`[lastmile] error: ${m}`);
  process.exit(1);
};
const dev = process.argv.includes("--dev");

async function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = http.createServer();
    s.once("error", () => resolve(false));
    s.listen(port, () => s.close(() => resolve(true)));
  });
}

async function checkDatabase(url: string) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (e) {
    const host = (() => {
      try {
        const u = new URL(url);
        return `${u.hostname}:${u.port || 5432}/${u.pathname.slice(1)}`;
      } catch {
        return "(unparseable DATABASE_URL)";
      }
    })();
    fail(`cannot connect to PostgreSQL at ${host}: ${e instanceof Error ? e.message : String(e)}`);
  } finally {
    await client.end().catch(() => {});
  }
}

async function main() {
  log(`Lastmile ${appVersion()} (Node ${process.version})`);
  const port = Number(process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    fail(`PORT must be a port number, got "${process.env.PORT}"`);
  if (!(await portIsFree(port)))
    fail(`port ${port} is already in use; stop what is using it or set PORT to another port`);
  const dataDir = path.resolve(process.env.DATA_DIR ?? "./data");
  process.env.DATA_DIR = dataDir;
  process.env.PORT = String(port);
  process.env.APP_URL ??= `http://localhost:${port}`;
  process.env.NEXTAUTH_URL ??= process.env.APP_URL;

  const { loadOrCreateSecrets } = await import("../lib/runtime/secrets");
  const secrets = await loadOrCreateSecrets(dataDir);
  process.env.AUTH_SECRET ??= secrets.AUTH_SECRET;
  process.env.ENCRYPTION_KEY ??= secrets.ENCRYPTION_KEY;

  let stopPostgres = async () => {};
  const embedded = !process.env.DATABASE_URL;
  if (embedded) {
    const { startEmbeddedPostgres } = await import("../lib/db/embedded-postgres");
    const started = Date.now();
    const server = await startEmbeddedPostgres({ dataDir, log }).catch((e) =>
      fail(e instanceof Error ? e.message : String(e)),
    );
    process.env.DATABASE_URL = server.url("lastmile");
    stopPostgres = server.stop;
    log(
      `database: embedded PostgreSQL on 127.0.0.1:${server.port}, data in ${path.join(dataDir, "pg")} (${Date.now() - started} ms)`,
    );
  } else {
    await checkDatabase(process.env.DATABASE_URL!);
    log(
      `database: external PostgreSQL from DATABASE_URL (${new URL(process.env.DATABASE_URL!).hostname})`,
    );
  }
  const databaseUrl = process.env.DATABASE_URL!;

  let shuttingDown = false;
  let stopScheduler = async () => {};
  const web: { server?: http.Server } = {};
  const shutdown = async (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    log(`${signal}: stopping`);
    web.server?.close();
    await stopScheduler();
    const { disconnectDb } = await import("../lib/db");
    await disconnectDb();
    await stopPostgres();
    log("stopped");
    process.exit(0);
  };
  // Next's server installs its own handlers that exit at once (code 130) without stopping the
  // database; ours must be the only ones, so they are (re)installed after Next is prepared.
  const ownSignals = () => {
    for (const signal of ["SIGINT", "SIGTERM"] as const) {
      process.removeAllListeners(signal);
      process.on(signal, () => void shutdown(signal));
    }
  };
  ownSignals();

  try {
    const { upgradeDatabase } = await import("../lib/ops/upgrade-database");
    const { applied } = await upgradeDatabase({ databaseUrl, dataDir, embedded, log });
    log(applied.length ? `applied migrations: ${applied.join(", ")}` : "migrations: up to date");
    const { bootstrapDatabase } = await import("../lib/runtime/bootstrap");
    await bootstrapDatabase({ embedded, log });
  } catch (e) {
    await stopPostgres();
    fail(e instanceof Error ? e.message : String(e));
  }

  if (!dev && needsBuild()) {
    log("building the app (first start or changed sources)…");
    const build = spawnSync("npx", ["next", "build"], { stdio: "inherit", env: process.env });
    if (build.status !== 0) {
      await stopPostgres();
      fail("next build failed");
    }
  }

  const { default: next } = await import("next");
  const app = next({ dev, dir: process.cwd(), port, hostname: "0.0.0.0" });
  await app.prepare();
  ownSignals();
  const handle = app.getRequestHandler();
  const { instrumentHttp } = await import("../lib/ops/metrics/http-metrics");
  const httpServer = http.createServer(instrumentHttp((req, res) => void handle(req, res)));
  web.server = httpServer;
  await new Promise<void>((resolve) => httpServer.listen(port, resolve));
  log(`serving ${process.env.APP_URL}  (storefront /, portal /portal, admin /admin)`);

  const { usesInngestServer } = await import("../lib/env");
  if (usesInngestServer()) {
    log("jobs: Inngest server configured; functions served at /api/inngest");
  } else {
    const { startEmbeddedScheduler } = await import("../inngest/embedded-scheduler");
    stopScheduler = startEmbeddedScheduler(databaseUrl, log);
    log(
      "jobs: embedded scheduler (set INNGEST_BASE_URL or INNGEST_EVENT_KEY to use an Inngest server)",
    );
  }
}

main().catch((e) => fail(e instanceof Error ? (e.stack ?? e.message) : String(e)));
