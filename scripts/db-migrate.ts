// npm run db:migrate — applies pending migrations to MIGRATION_DATABASE_URL (the owner role),
// else DATABASE_URL (npm start does this itself).
import { applyMigrations } from "../lib/db/schema-engine";

const url = process.env.MIGRATION_DATABASE_URL || process.env.DATABASE_URL;
if (!url) {
  console.error("set DATABASE_URL (npm start applies migrations to its embedded database itself)");
  process.exit(1);
}
const applied = await applyMigrations(url);
console.log(applied.length ? `applied: ${applied.join(", ")}` : "up to date");
