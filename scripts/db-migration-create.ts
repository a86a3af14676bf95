// npm run db:migration:create -- <name>
// Writes prisma/migrations/<timestamp>_<name>/migration.sql with the SQL that takes the
// existing migrations to prisma/schema.prisma (via the WASM schema engine; see lib/db).
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { diffSchemaAgainstMigrations, MIGRATIONS_DIR } from "../lib/db/schema-engine";
import { withScratchDatabase } from "../lib/db/scratch-database";

const name = (process.argv[2] ?? "").replace(/[^a-z0-9_]/gi, "_").toLowerCase();
if (!name) {
  console.error("usage: npm run db:migration:create -- <name>");
  process.exit(1);
}
const sql = await withScratchDatabase(process.env.DATABASE_URL, diffSchemaAgainstMigrations);
if (!sql.trim()) {
  console.log("schema.prisma and the migrations agree: nothing to create");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
await mkdir(dir, { recursive: true });
await writeFile(path.join(dir, "migration.sql"), sql);
console.log(`created ${path.relative(process.cwd(), dir)}/migration.sql`);
process.exit(0);
