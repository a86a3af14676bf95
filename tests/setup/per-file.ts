// Gives each test file its own database, cloned from the migrated template, before any module
// under test connects. Databases are dropped with the server at the end of the run.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, inject } from "vitest";
import { disconnectDb } from "../../lib/db";

const serverUrl = inject("pgServerUrl");
const name = `t_${randomBytes(6).toString("hex")}`;
const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();
await admin.query(`CREATE DATABASE ${name} TEMPLATE lastmile_template`);
await admin.end();
const url = new URL(serverUrl);
url.pathname = `/${name}`;
process.env.DATABASE_URL = url.toString();
process.env.DATA_DIR ??= `/tmp/lastmile-test-data/${name}`;
// npm start always has one (DATA_DIR/secrets.json); sealed mail tokens and bank details need it.
process.env.ENCRYPTION_KEY ??= randomBytes(32).toString("base64");
process.env.AUTH_SECRET ??= randomBytes(32).toString("base64");

afterAll(async () => {
  await disconnectDb();
});
