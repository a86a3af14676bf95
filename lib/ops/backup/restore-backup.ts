// npm run restore: a backup file into an empty database and data directory — the embedded
// PostgreSQL under DATA_DIR (created here) when DATABASE_URL is unset, as npm start would use it,
// or the database DATABASE_URL names. It refuses to overwrite anything unless `force` is set.
import { existsSync } from "node:fs";
import { chmod, cp, mkdir, mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { extract as tarExtract } from "tar";
import { runningPostgresPort } from "@/lib/db/connect-local";
import { startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { manifestSchema, type Manifest } from "./manifest";
import { countTables, restoreDatabase } from "./restore-database";
import { quoteIdent } from "./tables";

export type RestoreBackupOptions = {
  file: string;
  /** Unset: the embedded PostgreSQL under dataDir, which must not hold a database yet. */
  databaseUrl?: string;
  dataDir: string;
  /** Replace an existing database and DATA_DIR files instead of refusing. */
  force?: boolean;
  log?: (m: string) => void;
};

export type RestoreSummary = { manifest: Manifest; rows: number; durationMs: number };

async function readBackup(file: string, stage: string): Promise<Manifest> {
  if (!existsSync(file)) throw new Error(`${file} does not exist`);
  // node-tar refuses absolute paths and "..", so nothing lands outside the staging directory.
  await tarExtract({ file, cwd: stage, strict: true }).catch((e: Error) => {
    throw new Error(`${file} is not a readable backup archive: ${e.message}`);
  });
  const raw = await readFile(path.join(stage, "manifest.json"), "utf8").catch(() => {
    throw new Error(`${file} is not a Lastmile backup (no manifest.json)`);
  });
  const parsed = manifestSchema.safeParse(JSON.parse(raw));
  if (!parsed.success)
    throw new Error(`${file} is not a Lastmile backup this version can read (manifest.json)`);
  return parsed.data;
}

/** Anything in DATA_DIR besides its backups folder counts: a restore must not mix two ISPs. */
async function dataDirInUse(dataDir: string): Promise<string[]> {
  if (!existsSync(dataDir)) return [];
  return (await readdir(dataDir)).filter((e) => e !== "backups");
}

/** --force on a database with tables: start from an empty schema, owned by us. */
async function emptySchema(url: string, force: boolean, log: (m: string) => void) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = await countTables(client);
    if (!tables) return;
    if (!force)
      throw new Error(
        `the database is not empty (${tables} tables); restore into an empty database, or pass --force to replace it`,
      );
    const { rows } = await client.query<{ schema: string }>("SELECT current_schema() AS schema");
    const schema = quoteIdent(rows[0].schema);
    log(`--force: dropping schema ${rows[0].schema} and everything in it`);
    await client.query(`DROP SCHEMA ${schema} CASCADE; CREATE SCHEMA ${schema}`);
  } finally {
    await client.end();
  }
}

/** Where to restore: DATABASE_URL, or the embedded server under DATA_DIR started for this. */
async function openTarget(opts: RestoreBackupOptions, dataDir: string, log: (m: string) => void) {
  if (opts.databaseUrl) return { url: opts.databaseUrl, stop: async () => {}, created: false };
  const pgDir = path.join(dataDir, "pg");
  if (await runningPostgresPort(pgDir))
    throw new Error(`the database in ${dataDir} is in use: stop npm start first`);
  const created = !existsSync(path.join(pgDir, "PG_VERSION"));
  const server = await startEmbeddedPostgres({ dataDir, log });
  return { url: server.url("lastmile"), stop: server.stop, created };
}

export async function restoreBackup(opts: RestoreBackupOptions): Promise<RestoreSummary> {
  const log = opts.log ?? (() => {});
  const started = Date.now();
  const dataDir = path.resolve(opts.dataDir);
  const force = opts.force ?? false;
  const stage = await mkdtemp(path.join(os.tmpdir(), "lastmile-restore-"));
  try {
    const manifest = await readBackup(path.resolve(opts.file), stage);
    log(
      `backup of ${manifest.createdAt} (Lastmile ${manifest.appVersion}, PostgreSQL ${manifest.postgresVersion})`,
    );
    // With DATABASE_URL only the files the backup brings would be overwritten in DATA_DIR.
    const inUse = opts.databaseUrl
      ? manifest.files.filter((f) => existsSync(path.join(dataDir, f)))
      : await dataDirInUse(dataDir);
    if (inUse.length && !force)
      throw new Error(
        `${dataDir} is not empty (${inUse.join(", ")}); restore into an empty data directory, or pass --force to replace it`,
      );

    const target = await openTarget(opts, dataDir, log);
    let rows: number;
    try {
      await emptySchema(target.url, force, log);
      ({ rows } = await restoreDatabase({ databaseUrl: target.url, stage, manifest, log }));
    } catch (e) {
      await target.stop();
      // A data directory this restore created holds nothing worth keeping: leave it as found.
      if (target.created) await rm(path.join(dataDir, "pg"), { recursive: true, force: true });
      throw e;
    }
    await target.stop();

    await mkdir(dataDir, { recursive: true });
    for (const f of manifest.files) {
      const dest = path.join(dataDir, f);
      await rm(dest, { recursive: true, force: true });
      await cp(path.join(stage, "files", f), dest, { recursive: true });
    }
    if (manifest.files.includes("secrets.json"))
      await chmod(path.join(dataDir, "secrets.json"), 0o600);
    return { manifest, rows, durationMs: Date.now() - started };
  } finally {
    await rm(stage, { recursive: true, force: true });
  }
}
