// How command-line tools (apikey:create, seed, billing) reach the database `npm start` uses:
// DATABASE_URL when set; else the embedded PostgreSQL under DATA_DIR — connecting to it when
// the app (or a PostgreSQL it left behind) is already running, starting it otherwise. Starting
// a second server on a data directory in use would stop the app's server, so never do that.
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { setUpEmbeddedDatabase } from "./embedded-database";
import { startEmbeddedPostgres } from "./embedded-postgres";
import { applyMigrations } from "./schema-engine";

export type LocalDatabase = {
  url: string;
  source: "DATABASE_URL" | "running" | "started";
  close: () => Promise<void>;
};

// The superuser and database npm start creates in the embedded cluster (embedded-postgres.ts);
// the CLIs, like the app, then work as the application role (embedded-database.ts).
const SUPERUSER = "lastmile";
const DATABASE = "lastmile";

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM"; // alive, owned by the postgres user
  }
}

/** The port of the PostgreSQL that holds `pgDir`, or null when none is running. */
export async function runningPostgresPort(pgDir: string): Promise<number | null> {
  const pidFile = path.join(pgDir, "postmaster.pid");
  if (!existsSync(pidFile)) return null;
  // postmaster.pid: line 1 pid, 2 data dir, 3 start time, 4 port, …
  const lines = (await readFile(pidFile, "utf8")).split("\n");
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!pid || !port || !isAlive(pid)) return null;
  return port;
}

export async function connectLocal(opts: {
  databaseUrl?: string;
  /** Where migrations run when it is not databaseUrl (MIGRATION_DATABASE_URL). */
  migrationUrl?: string;
  dataDir: string;
  migrate?: boolean;
  log?: (m: string) => void;
}): Promise<LocalDatabase> {
  const log = opts.log ?? (() => {});
  if (opts.databaseUrl) {
    const db: LocalDatabase = {
      url: opts.databaseUrl,
      source: "DATABASE_URL",
      close: async () => {},
    };
    if (opts.migrate) {
      const applied = await applyMigrations(opts.migrationUrl ?? opts.databaseUrl);
      if (applied.length) log(`applied migrations: ${applied.join(", ")}`);
    }
    return db;
  }
  const dataDir = path.resolve(opts.dataDir);
  const pgDir = path.join(dataDir, "pg");
  if (!existsSync(path.join(pgDir, "PG_VERSION"))) {
    throw new Error(
      `no Lastmile database in ${dataDir}: run \`npm start\` once, or set DATABASE_URL`,
    );
  }
  const password = (await readFile(path.join(dataDir, "pg-password"), "utf8")).trim();
  const port = await runningPostgresPort(pgDir);
  let db: LocalDatabase;
  if (port) {
    log(`database: the running embedded PostgreSQL on 127.0.0.1:${port}`);
    db = {
      url: `postgresql://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${DATABASE}`,
      source: "running",
      close: async () => {},
    };
  } else {
    const server = await startEmbeddedPostgres({ dataDir, log });
    log(`database: started the embedded PostgreSQL in ${pgDir} on 127.0.0.1:${server.port}`);
    db = { url: server.url(DATABASE), source: "started", close: server.stop };
  }
  try {
    const set = await setUpEmbeddedDatabase({
      superuserUrl: db.url,
      dataDir,
      migrate: Boolean(opts.migrate),
    });
    if (set.applied.length) log(`applied migrations: ${set.applied.join(", ")}`);
    return { ...db, url: set.appUrl };
  } catch (e) {
    await db.close();
    throw e;
  }
}
