// npm run backup -- [--out FILE]
// A consistent backup of the database npm start uses (DATABASE_URL, or the embedded PostgreSQL
// under DATA_DIR, running or not) and the DATA_DIR files, in one tar.gz readable only by you.
// Default file: DATA_DIR/backups/lastmile-<time>.tar.gz.
import { parseArgs } from "node:util";
import path from "node:path";
import { connectLocal } from "../lib/db/connect-local";
import { createBackup } from "../lib/ops/backup/create-backup";
import { backupPath } from "../lib/ops/backup/backup-files";

const log = (m: string) => console.error(`[backup] ${m}`);
const { values } = parseArgs({ options: { out: { type: "string" } } });
const dataDir = path.resolve(process.env.DATA_DIR ?? "./data");
const out = values.out ?? backupPath(dataDir, "manual", new Date());

let code = 0;
const local = await connectLocal({
  databaseUrl: process.env.DATABASE_URL,
  dataDir,
  log,
}).catch((e) => {
  log(`error: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
try {
  const made = await createBackup({ databaseUrl: local.url, dataDir, out, log });
  log(
    `wrote ${made.file} (${(made.bytes / 1e6).toFixed(1)} MB, ${made.tables} tables, ${made.rows.toLocaleString("en")} rows) in ${(made.durationMs / 1000).toFixed(1)} s`,
  );
  console.log(made.file);
} catch (e) {
  log(`error: ${e instanceof Error ? e.message : String(e)}`);
  code = 1;
} finally {
  await local.close();
}
process.exit(code);
