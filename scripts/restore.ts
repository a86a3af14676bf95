// npm run restore -- FILE [--force]
// Restores a backup into an empty data directory (the embedded PostgreSQL under DATA_DIR is
// created) or, with DATABASE_URL set, into that empty database — the same place npm start uses.
// --force replaces an existing database and DATA_DIR files.
import { parseArgs } from "node:util";
import path from "node:path";
import { restoreBackup } from "../lib/ops/backup/restore-backup";

const log = (m: string) => console.error(`[restore] ${m}`);
const { values, positionals } = parseArgs({
  options: { force: { type: "boolean", default: false } },
  allowPositionals: true,
});
if (positionals.length !== 1) {
  log("usage: npm run restore -- <backup file> [--force]");
  process.exit(1);
}
const dataDir = path.resolve(process.env.DATA_DIR ?? "./data");
try {
  const done = await restoreBackup({
    file: positionals[0],
    databaseUrl: process.env.DATABASE_URL || undefined,
    dataDir,
    force: values.force,
    log,
  });
  log(
    `restored ${done.rows.toLocaleString("en")} rows and ${done.manifest.files.join(", ") || "no files"} into ${process.env.DATABASE_URL ? "DATABASE_URL" : dataDir} in ${(done.durationMs / 1000).toFixed(1)} s`,
  );
  log("start the app with npm start (it applies any newer migrations)");
  process.exit(0);
} catch (e) {
  log(`error: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}
