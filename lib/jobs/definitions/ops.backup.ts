// Nightly backup of the database and the DATA_DIR files into DATA_DIR/backups, keeping the newest
// BACKUP_RETENTION nightly backups (0 turns it off). Running it again just makes another backup
// and prunes to the same number, so a retry or a manual run is always safe. The file lands on the
// instance that runs the job: with several instances, point DATA_DIR/backups at shared storage
// or rely on the database's own backups (README).
import { z } from "zod";
import { env } from "@/lib/env";
import { defineJob } from "@/lib/jobs/define-job";
import { backupPath, pruneBackups } from "@/lib/ops/backup/backup-files";
import { createBackup } from "@/lib/ops/backup/create-backup";

export const opsBackupJob = defineJob({
  name: "ops.backup",
  description: "Back up the database and data files into DATA_DIR/backups; keep the newest N",
  payload: z.object({}),
  cron: "30 1 * * *",
  concurrencyKey: "ops.backup",
  retries: 1,
  handler: async ({ step, log }) => {
    const keep = env.BACKUP_RETENTION;
    if (keep === 0) {
      log.info("nightly backups are off (BACKUP_RETENTION=0)");
      return { skipped: true };
    }
    const databaseUrl = env.DATABASE_URL;
    if (!databaseUrl) throw new Error("DATABASE_URL is not set (npm start sets it)");
    const made = await step.run("write-backup", async () => {
      const b = await createBackup({
        databaseUrl,
        dataDir: env.DATA_DIR,
        out: backupPath(env.DATA_DIR, "nightly", new Date()),
      });
      return { file: b.file, bytes: b.bytes, rows: b.rows, durationMs: b.durationMs };
    });
    const removed = await step.run("prune-backups", () =>
      pruneBackups({ dataDir: env.DATA_DIR, keep }),
    );
    log.info({ ...made, removed }, "nightly backup written");
    return { ...made, removed };
  },
});
