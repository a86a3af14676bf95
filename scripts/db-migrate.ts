// npm run db:migrate — applies pending migrations to DATABASE_URL (npm start does this itself).
import { applyMigrations } from "../lib/db/schema-engine";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("set DATABASE_URL (npm start applies migrations to its embedded database itself)");
  process.exit(1);
}
const applied = await applyMigrations(url);
console.log(applied.length ? `applied: ${applied.join(", ")}` : "up to date");
