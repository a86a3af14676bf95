// Where the migrations live and which ones the code ships. Plain file system, no engine, so the
// readiness check and the backup can ask without loading Prisma's WebAssembly schema engine.
import { readdir } from "node:fs/promises";
import path from "node:path";

export const MIGRATIONS_DIR = path.resolve("prisma/migrations");

/** The migration directory names in `dir`, oldest first (they start with a timestamp). */
export async function migrationNames(dir = MIGRATIONS_DIR): Promise<string[]> {
  // Read at run time from the checkout npm start runs in; nothing for the bundler to trace.
  return (await readdir(/* turbopackIgnore: true */ dir, { withFileTypes: true }))
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}
