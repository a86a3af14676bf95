// npm run seed -- --customers 100000
// Adds N generated customers (with addresses, portal logins and active subscriptions across the
// existing plans) to the database npm start uses: DATABASE_URL, or the embedded PostgreSQL
// under DATA_DIR, whether or not the app is running.
import "../lib/runtime/allow-server-only"; // first: lets server-only lib modules load in Node
import { parseArgs } from "node:util";
import { connectLocal } from "../lib/db/connect-local";

const log = (m: string) => console.log(`[seed] ${m}`);
const { values } = parseArgs({
  options: {
    customers: { type: "string" },
    "batch-size": { type: "string" },
    seed: { type: "string" },
  },
});
const count = Number(values.customers);
if (!Number.isInteger(count) || count < 1) {
  console.error("usage: npm run seed -- --customers <how many> [--batch-size 5000] [--seed 42]");
  process.exit(1);
}

const local = await connectLocal({
  databaseUrl: process.env.DATABASE_URL,
  migrationUrl: process.env.MIGRATION_DATABASE_URL,
  dataDir: process.env.DATA_DIR ?? "./data",
  migrate: true,
  log,
}).catch((e) => {
  console.error(`[seed] error: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
// Set before lib/db is first imported: lib/env reads the environment once.
process.env.DATABASE_URL = local.url;
const { generateCustomers } = await import("../lib/demo/generate-customers");
const { disconnectDb } = await import("../lib/db");
let code = 0;
const started = Date.now();
try {
  const result = await generateCustomers({
    count,
    batchSize: values["batch-size"] ? Number(values["batch-size"]) : undefined,
    seed: values.seed ? Number(values.seed) : undefined,
    log,
  });
  const seconds = (Date.now() - started) / 1000;
  log(
    `added ${result.created.toLocaleString("en")} customers in ${seconds.toFixed(1)} s (${Math.round(result.created / seconds).toLocaleString("en")}/s)`,
  );
} catch (e) {
  console.error(`[seed] error: ${e instanceof Error ? e.message : String(e)}`);
  code = 1;
} finally {
  await disconnectDb();
  await local.close();
}
process.exit(code);
