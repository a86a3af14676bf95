// How command-line tools (apikey:create, seed, billing) reach the database `npm start` uses:
// DATABASE_URL when set; else the embedded PostgreSQL under DATA_DIR — connecting to it when
// the app (or a PostgreSQL it left behind) is already running, starting it otherwise. Starting
// a second server on a data directory in use would stop the app's server, so never do that.
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { startEmbeddedPostgres } from "./embedded-postgres";
import { applyMigrations } from "./schema-engine";

export type LocalDatabase = {
  url: string;
  source: "DATABASE_URL" | "running" | "started";
  close: () => Promise<void>;
};

// The role and database npm start creates in the embedded cluster (see embedded-postgres.ts).
const ROLE = "lastmile";
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
  dataDir: string;
  migrate?: boolean;
  log?: (m: string) => void;
}): Promise<LocalDatabase> {
  const log = opts.log ?? (() => {});
  let db: LocalDatabase;
  if (opts.databaseUrl) {
    db = { url: opts.databaseUrl, source: "DATABASE_URL", close: async () => {} };
  } else {
    const dataDir = path.resolve(opts.dataDir);
    const pgDir = path.join(dataDir, "pg");
    if (!existsSync(path.join(pgDir, "PG_VERSION"))) {
      throw new Error(
        `no Lastmile database in ${dataDir}: run \`npm start\` once, or set DATABASE_URL`,
      );
    }
    const password = (await readFile(path.join(dataDir, "pg-password"), "utf8")).trim();
    const port = await runningPostgresPort(pgDir);
    if (port) {
      log(`database: the running embedded PostgreSQL on 127.0.0.1:${port}`);
      db = {
        url: `postgresql://${ROLE}:${encodeURIComponent(password)}@127.0.0.1:${port}/${DATABASE}`,
        source: "running",
        close: async () => {},
      };
    } else {
      const server = await startEmbeddedPostgres({ dataDir, log });
      log(`database: started the embedded PostgreSQL in ${pgDir} on 127.0.0.1:${server.port}`);
      db = { url: server.url(DATABASE), source: "started", close: server.stop };
    }
  }
  if (opts.migrate) {
    try {
      const applied = await applyMigrations(db.url);
      if (applied.length) log(`applied migrations: ${applied.join(", ")}`);
    } catch (e) {
      await db.close();
      throw e;
    }
  }
  return db;
}
