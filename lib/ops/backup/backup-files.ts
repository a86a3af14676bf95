// The backups folder, DATA_DIR/backups: names, the newest one, and retention. Nightly backups
// are pruned to the newest N; pre-upgrade and hand-made ones stay until an operator removes them.
import { readdir, rm, stat } from "node:fs/promises";
import path from "node:path";

export type BackupKind = "nightly" | "pre-upgrade" | "manual";

export type BackupFile = { name: string; path: string; bytes: number; modifiedAt: Date };

const PREFIX: Record<BackupKind, string> = {
  nightly: "lastmile-nightly-",
  "pre-upgrade": "lastmile-pre-upgrade-",
  manual: "lastmile-",
};

export const backupsDir = (dataDir: string) => path.resolve(dataDir, "backups");

/** e.g. DATA_DIR/backups/lastmile-nightly-2026-11-30T02-30-00.000Z.tar.gz (sorts by time). */
export function backupPath(dataDir: string, kind: BackupKind, at: Date): string {
  const stamp = at.toISOString().replace(/:/g, "-");
  return path.join(backupsDir(dataDir), `${PREFIX[kind]}${stamp}.tar.gz`);
}

/** Every backup in the folder, newest first (none when it does not exist). */
export async function listBackups(dataDir: string): Promise<BackupFile[]> {
  const dir = backupsDir(dataDir);
  const names = await readdir(dir).catch(() => [] as string[]);
  const files = await Promise.all(
    names
      .filter((n) => n.startsWith("lastmile-") && n.endsWith(".tar.gz"))
      .map(async (name) => {
        const s = await stat(path.join(dir, name));
        return { name, path: path.join(dir, name), bytes: s.size, modifiedAt: s.mtime };
      }),
  );
  return files.sort((a, b) => b.modifiedAt.getTime() - a.modifiedAt.getTime());
}

/** Deletes all but the newest `keep` nightly backups; returns the names removed. */
export async function pruneBackups(opts: { dataDir: string; keep: number }): Promise<string[]> {
  const nightly = (await listBackups(opts.dataDir))
    .filter((b) => b.name.startsWith(PREFIX.nightly))
    .sort((a, b) => b.name.localeCompare(a.name));
  const doomed = nightly.slice(opts.keep);
  for (const b of doomed) await rm(b.path, { force: true });
  return doomed.map((b) => b.name);
}
