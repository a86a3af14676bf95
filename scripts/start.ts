// npm start: the whole product on one machine. Without DATABASE_URL it runs an embedded
// PostgreSQL under ./data; it applies migrations, loads demo data on first run, builds the app
// when needed, serves it and runs the job schedule. Ctrl-C stops everything cleanly.
import "../lib/runtime/allow-server-only"; // first: lets server-only lib modules load in Node
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
  process.env.LASTMILE_SOCKET_IP_HEADER = "true";

  const { loadOrCreateSecrets } = await import("../lib/runtime/secrets");
  const secrets = await loadOrCreateSecrets(dataDir);
  process.env.AUTH_SECRET ??= secrets.AUTH_SECRET;
  process.env.ENCRYPTION_KEY ??= secrets.ENCRYPTION_KEY;

  let stopPostgres = async () => {};
  // Migrations run as the database's owner; the app connects as a role that may only read and
  // write rows (lib/db/database-roles.ts).
  let migrationUrl: string;
  let grantAppRole = async () => {};
  const embedded = !process.env.DATABASE_URL;
  if (embedded) {
    const { startEmbeddedPostgres } = await import("../lib/db/embedded-postgres");
    const roles = await import("../lib/db/database-roles");
    const { embeddedDatabaseRoles } = await import("../lib/db/embedded-database");
    const started = Date.now();
    const server = await startEmbeddedPostgres({ dataDir, log }).catch((e) =>
      fail(e instanceof Error ? e.message : String(e)),
    );
    stopPostgres = server.stop;
    const superuserUrl = server.url("lastmile");
    const dbRoles = await embeddedDatabaseRoles(dataDir);
    await roles.prepareDatabaseRoles(superuserUrl, dbRoles).catch(async (e) => {
      await stopPostgres();
      fail(`setting up the database roles: ${e instanceof Error ? e.message : String(e)}`);
    });
    migrationUrl = roles.urlAs(superuserUrl, dbRoles.owner);
    process.env.DATABASE_URL = roles.urlAs(superuserUrl, dbRoles.app);
    grantAppRole = () => roles.grantAppRole(superuserUrl, dbRoles);
    log(
      `database: embedded PostgreSQL on 127.0.0.1:${server.port}, data in ${path.join(dataDir, "pg")} (${Date.now() - started} ms); the app connects as ${dbRoles.app.name}, migrations run as ${dbRoles.owner.name}`,
    );
  } else {
    await checkDatabase(process.env.DATABASE_URL!);
    migrationUrl = process.env.MIGRATION_DATABASE_URL || process.env.DATABASE_URL!;
    const separate = migrationUrl !== process.env.DATABASE_URL;
    if (separate) await checkDatabase(migrationUrl);
    log(
      `database: external PostgreSQL from DATABASE_URL (${new URL(process.env.DATABASE_URL!).hostname})${separate ? "; migrations through MIGRATION_DATABASE_URL" : ""}`,
    );
  }

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
    // Migrations (and the pre-upgrade backup) as the owner role; the app role gets its grants after.
    const { applied } = await upgradeDatabase({
      databaseUrl: migrationUrl,
      dataDir,
      embedded,
      log,
    });
    await grantAppRole();
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
  const { SOCKET_IP_HEADER } = await import("../lib/http/client-ip");
  const { instrumentHttp } = await import("../lib/ops/metrics/http-metrics");
  const { gateRequest } = await import("../lib/http/request-gate");
  const httpServer = http.createServer(
    instrumentHttp((req, res) => {
      // TRACE, bodies over 31 MB and undecodable paths are answered before Next sees them.
      if (gateRequest(req, res)) return;
      // The only place that knows the peer's address: handed to the app in a header that is
      // always overwritten, so a client can never supply it (lib/http/client-ip.ts).
      req.headers[SOCKET_IP_HEADER] = req.socket.remoteAddress ?? "";
      void handle(req, res);
    }),
  );
  web.server = httpServer;
  await new Promise<void>((resolve) => httpServer.listen(port, resolve));
  log(`serving ${process.env.APP_URL}  (storefront /, portal /portal, admin /admin)`);

  const { env, usesInngestServer } = await import("../lib/env");
  if (env.SANDBOX_CLOCK)
    log(
      "!!! SANDBOX CLOCK ON (SANDBOX_CLOCK=true): ADMIN keys may move business time with PUT /api/v1/sandbox/clock; a test instance only, never production !!!",
    );
  if (usesInngestServer()) {
    log("jobs: Inngest server configured; functions served at /api/inngest");
  } else {
    const { startEmbeddedScheduler } = await import("../inngest/embedded-scheduler");
    stopScheduler = startEmbeddedScheduler();
    log(
      "jobs: embedded scheduler (set INNGEST_BASE_URL or INNGEST_EVENT_KEY to use an Inngest server)",
    );
  }
}

main().catch((e) => fail(e instanceof Error ? (e.stack ?? e.message) : String(e)));
