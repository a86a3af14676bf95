// npm start's migration step. When this version brings migrations the database lacks, the
// embedded mode first takes a backup into DATA_DIR/backups and says where; then the migrations
// run, each all-or-nothing (lib/db/schema-engine.ts). A failure is one line that says the
// database is unchanged and where the backup is, and the app does not start.
import pg from "pg";
import { applyMigrations, MigrationFailedError } from "@/lib/db/schema-engine";
import { backupPath } from "./backup/backup-files";
import { createBackup } from "./backup/create-backup";
import { readMigrationStatus } from "./migration-status";

export type UpgradeDatabaseOptions = {
  databaseUrl: string;
  dataDir: string;
  /** The embedded PostgreSQL under DATA_DIR; an external one is the operator's to back up. */
  embedded: boolean;
  log: (m: string) => void;
  /** Tests point this at a copy of prisma/migrations. */
  migrationsDir?: string;
};

async function pendingMigrations(url: string, migrationsDir?: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await readMigrationStatus(async (sql) => (await client.query(sql)).rows, migrationsDir);
  } finally {
    await client.end();
  }
}

const firstLine = (e: unknown) => (e instanceof Error ? e.message : String(e)).split("\n")[0];

export async function upgradeDatabase(
  opts: UpgradeDatabaseOptions,
): Promise<{ applied: string[]; backup: string | null }> {
  const { log } = opts;
  const status = await pendingMigrations(opts.databaseUrl, opts.migrationsDir);
  const n = status.pending.length;
  let backup: string | null = null;
  // A database without any migration yet is a first start: nothing to keep.
  if (n && status.applied > 0) {
    const what = `${n} new migration${n === 1 ? "" : "s"}`;
    if (opts.embedded) {
      log(`upgrade: ${what} to apply; backing up the database first`);
      const made = await createBackup({
        databaseUrl: opts.databaseUrl,
        dataDir: opts.dataDir,
        out: backupPath(opts.dataDir, "pre-upgrade", new Date()),
      });
      backup = made.file;
      log(`upgrade: backup taken: ${backup} (${(made.durationMs / 1000).toFixed(1)} s)`);
    } else {
      log(`upgrade: ${what} to apply to the external database (its backups are yours: README)`);
    }
  }
  try {
    const applied = await applyMigrations(opts.databaseUrl, { migrationsDir: opts.migrationsDir });
    return { applied, backup };
  } catch (e) {
    const where = backup ? ` (the backup from before the upgrade: ${backup})` : "";
    if (e instanceof MigrationFailedError) throw new MigrationFailedError(`${e.message}${where}`);
    throw new Error(`migrations could not be applied: ${firstLine(e)}${where}`);
  }
}
