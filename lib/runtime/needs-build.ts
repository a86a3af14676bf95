// True when there is no production build or a source file is newer than it.
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "generated" || entry.name.startsWith(".")) continue;
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

export function needsBuild(root = process.cwd()): boolean {
  const buildId = path.join(root, ".next/BUILD_ID");
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  const sources = ["app", "components", "lib", "inngest", "public"].map((d) => path.join(root, d));
  const configs = ["next.config.ts", "package-lock.json", "postcss.config.mjs"].map((f) =>
    path.join(root, f),
  );
  return (
    sources.some((d) => existsSync(d) && newestMtime(d) > built) ||
    configs.some((f) => existsSync(f) && statSync(f).mtimeMs > built)
  );
}
