// npm run apikey:create -- --role ADMIN --name ci
// Prints the new key (and only the key) on stdout, once: KEY=$(npm run -s apikey:create -- …).
// Uses DATABASE_URL, or the embedded PostgreSQL under DATA_DIR (running or not).
import "../lib/runtime/allow-server-only"; // first: lets server-only lib modules load in Node
import { parseArgs } from "node:util";
import { connectLocal } from "../lib/db/connect-local";

const log = (m: string) => console.error(`[apikey] ${m}`);
const { values } = parseArgs({
  options: { role: { type: "string", default: "ADMIN" }, name: { type: "string" } },
});
if (!values.name) {
  log(
    "usage: npm run apikey:create -- --role ADMIN|SALES|ACCOUNTS|SUPPORT|TECHNICIAN --name <what uses it>",
  );
  process.exit(1);
}

const local = await connectLocal({
  databaseUrl: process.env.DATABASE_URL,
  migrationUrl: process.env.MIGRATION_DATABASE_URL,
  dataDir: process.env.DATA_DIR ?? "./data",
  migrate: true,
  log,
}).catch((e) => {
  log(`error: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
// Set before lib/db is first imported: lib/env reads the environment once.
process.env.DATABASE_URL = local.url;
const { createApiKey } = await import("../lib/api-keys/create-api-key");
const { disconnectDb } = await import("../lib/db");
let code = 0;
try {
  // The role string is checked by createApiKey's schema; the cast only satisfies the compiler.
  const key = await createApiKey({
    actor: { kind: "system", name: "command line" },
    name: values.name,
    role: values.role!.toUpperCase() as "ADMIN",
  });
  log(
    `created API key "${key.name}" with role ${key.role} (prefix ${key.prefix}); it is shown only this once:`,
  );
  console.log(key.key);
} catch (e) {
  const fields = (e as { issues?: { path: string[]; message: string }[] }).issues;
  log(
    `error: ${fields ? fields.map((i) => `--${i.path.join(".")}: ${i.message}`).join("; ") : e instanceof Error ? e.message : String(e)}`,
  );
  code = 1;
} finally {
  await disconnectDb();
  await local.close();
}
process.exit(code);
