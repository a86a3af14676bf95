// npm run backup, the nightly job and the pre-upgrade backup: a logical export of every table in
// one REPEATABLE READ snapshot — consistent while the app keeps running — plus the DATA_DIR
// files, in one tar.gz written 0600 (layout in manifest.ts). The npm embedded PostgreSQL ships
// no pg_dump, and the distributions' are often older than the server, so the export goes
// through COPY on our own connection and works against any PostgreSQL >= 15.
//
// Not a use case with an actor: it runs with the database credentials of whoever can start the
// app (the CLI, the app's own scheduler), below the level where roles apply.
import { createWriteStream, existsSync } from "node:fs";
import { chmod, mkdir, mkdtemp, rename, rm, stat, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import { create as tarCreate } from "tar";
import { appVersion } from "../app-version";
import { BACKUP_FORMAT, BACKUP_VERSION, DATA_FILES, type Manifest } from "./manifest";
import { listTables, quoteIdent } from "./tables";

export type CreateBackupOptions = {
  databaseUrl: string;
  dataDir: string;
  /** The file to write; it must not exist yet. */
  out: string;
  log?: (m: string) => void;
};

export type BackupSummary = {
  file: string;
  bytes: number;
  tables: number;
  rows: number;
  durationMs: number;
};

async function exportDatabase(databaseUrl: string, stage: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    // Every read below sees the same committed state, whatever the app writes meanwhile.
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const version = await client.query<{ server_version: string }>("SHOW server_version");
    const migrations = await client.query<{ migration_name: string }>(
      `SELECT "migration_name" FROM "_prisma_migrations"
        WHERE "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL ORDER BY "migration_name"`,
    );
    const tables: Manifest["tables"] = [];
    for (const t of await listTables(client)) {
      const file = `db/${t.name}.tsv`;
      const copy = copyTo(
        `COPY ${quoteIdent(t.name)} (${t.columns.map(quoteIdent).join(", ")}) TO STDOUT`,
      );
      await pipeline(
        client.query(copy),
        createWriteStream(path.join(stage, file), { mode: 0o600 }),
      );
      tables.push({ ...t, rows: copy.rowCount, file });
    }
    const sequences = await client.query<{ name: string; lastValue: string | null }>(
      `SELECT sequencename AS name, last_value::text AS "lastValue"
         FROM pg_sequences WHERE schemaname = current_schema() ORDER BY sequencename`,
    );
    await client.query("COMMIT");
    return {
      postgresVersion: version.rows[0].server_version,
      migrations: migrations.rows.map((r) => r.migration_name),
      tables,
      sequences: sequences.rows,
    };
  } finally {
    await client.end();
  }
}

export async function createBackup(opts: CreateBackupOptions): Promise<BackupSummary> {
  const log = opts.log ?? (() => {});
  const started = Date.now();
  const out = path.resolve(opts.out);
  if (existsSync(out)) throw new Error(`${out} already exists; choose another file name`);
  await mkdir(path.dirname(out), { recursive: true });
  // Staged beside the output (same file system, no /tmp size limit); mkdtemp makes it 0700.
  const stage = await mkdtemp(path.join(path.dirname(out), ".lastmile-backup-"));
  const partial = `${out}.partial`;
  try {
    await mkdir(path.join(stage, "db"));
    const db = await exportDatabase(opts.databaseUrl, stage);
    const rows = db.tables.reduce((n, t) => n + t.rows, 0);
    log(`exported ${db.tables.length} tables, ${rows.toLocaleString("en")} rows`);

    // DATA_DIR files are linked in and read once by tar, not copied twice.
    const dataDir = path.resolve(opts.dataDir);
    const files = DATA_FILES.filter((f) => existsSync(path.join(dataDir, f)));
    await mkdir(path.join(stage, "files"));
    for (const f of files) await symlink(path.join(dataDir, f), path.join(stage, "files", f));

    const manifest: Manifest = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      createdAt: new Date().toISOString(),
      appVersion: appVersion(),
      ...db,
      files,
    };
    await writeFile(path.join(stage, "manifest.json"), JSON.stringify(manifest, null, 2), {
      mode: 0o600,
    });
    // gzip level 1: table text compresses ~5× even so, and level 6 costs several times the CPU.
    await pipeline(
      tarCreate({ cwd: stage, gzip: { level: 1 }, portable: true, follow: true }, [
        "manifest.json",
        "db",
        "files",
      ]),
      createWriteStream(partial, { mode: 0o600 }),
    );
    await chmod(partial, 0o600);
    await rename(partial, out);
    const { size } = await stat(out);
    return {
      file: out,
      bytes: size,
      tables: db.tables.length,
      rows,
      durationMs: Date.now() - started,
    };
  } finally {
    await rm(stage, { recursive: true, force: true });
    await rm(partial, { force: true });
  }
}
