// The nightly backup job writes into DATA_DIR/backups and keeps the newest BACKUP_RETENTION
// nightly backups; pre-upgrade and hand-made backups are never pruned.
import { mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { logger } from "@/lib/log";
import type { JobStep } from "@/lib/jobs/define-job";
import { opsBackupJob } from "@/lib/jobs/definitions/ops.backup";
import { setupIsp } from "../billing/fixtures";

const dataDir = await mkdtemp(path.join(os.tmpdir(), "lastmile-backup-job-"));
const saved = { DATA_DIR: process.env.DATA_DIR, BACKUP_RETENTION: process.env.BACKUP_RETENTION };

// Steps run inline, as the embedded runner runs them.
const step: JobStep = { run: (_name, fn) => fn(), sendEvent: async () => {} };
const log = logger;
const run = () => opsBackupJob.handler({ payload: {}, step, log, runId: "test" });

beforeAll(async () => {
  await setupIsp();
  process.env.DATA_DIR = dataDir;
  await mkdir(path.join(dataDir, "backups"));
  await writeFile(
    path.join(dataDir, "backups", "lastmile-pre-upgrade-2026-01-01T00-00-00.000Z.tar.gz"),
    "",
  );
});
afterAll(async () => {
  Object.assign(process.env, saved);
  await rm(dataDir, { recursive: true, force: true });
});

test("keeps the newest BACKUP_RETENTION nightly backups and nothing else is pruned", async () => {
  process.env.BACKUP_RETENTION = "2";
  const made: string[] = [];
  for (let i = 0; i < 3; i++) {
    const r = (await run()) as { file: string; removed: string[] };
    made.push(path.basename(r.file));
    await new Promise((res) => setTimeout(res, 5)); // distinct file names
  }
  const files = (await readdir(path.join(dataDir, "backups"))).sort();
  expect(files).toEqual(
    ["lastmile-pre-upgrade-2026-01-01T00-00-00.000Z.tar.gz", made[1], made[2]].sort(),
  );
});

test("BACKUP_RETENTION=0 turns the nightly backup off", async () => {
  process.env.BACKUP_RETENTION = "0";
  const before = await readdir(path.join(dataDir, "backups"));
  expect(await run()).toEqual({ skipped: true });
  expect(await readdir(path.join(dataDir, "backups"))).toEqual(before);
});
