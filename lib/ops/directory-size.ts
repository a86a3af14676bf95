// Bytes used by a directory tree (the data directory on the System page). Unreadable entries
// count as nothing rather than failing the page.
import { lstat, readdir } from "node:fs/promises";
import path from "node:path";

export async function directorySize(dir: string): Promise<number> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const sizes = await Promise.all(
    entries.map(async (e) => {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) return directorySize(p);
      return e.isFile() ? (await lstat(p).catch(() => ({ size: 0 }))).size : 0;
    }),
  );
  return sizes.reduce((a, b) => a + b, 0);
}
