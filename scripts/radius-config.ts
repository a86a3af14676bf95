// npm run radius:config -- --out DIR [--auth-port 1812] [--acct-port 1813] [--from /etc/freeradius/3.0]
//   [--db-host HOST] [--db-password PASSWORD] [--localhost-secret SECRET]
// Writes a ready FreeRADIUS 3.2 configuration directory (lib/network/radius-config.ts) whose sql
// module reads our database as the `radius` role, with every NAS of ours as a client. Run
// `freeradius -X -d DIR` to try it; run this again after adding a NAS. Uses DATABASE_URL, or the
// embedded PostgreSQL under DATA_DIR (running or not), like the other CLIs.
// The role's password: --db-password, else RADIUS_DB_PASSWORD, else DATA_DIR/radius-db-password
// (generated once); the localhost client's secret likewise from DATA_DIR/radius-localhost-secret.
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { connectLocal } from "../lib/db/connect-local";

const log = (m: string) => console.error(`[radius:config] ${m}`);
const { values } = parseArgs({
  options: {
    out: { type: "string" },
    "auth-port": { type: "string", default: "1812" },
    "acct-port": { type: "string", default: "1813" },
    from: { type: "string" },
    "db-host": { type: "string" },
    "db-password": { type: "string" },
    "localhost-secret": { type: "string" },
  },
});
const port = (name: "auth-port" | "acct-port") => {
  const n = Number(values[name]);
  if (!Number.isInteger(n) || n < 1 || n > 65535) {
    log(`--${name} must be a port number, got "${values[name]}"`);
    process.exit(1);
  }
  return n;
};
if (!values.out) {
  log(
    "usage: npm run radius:config -- --out DIR [--auth-port N] [--acct-port N] [--from /etc/freeradius/3.0] [--db-host HOST] [--db-password P] [--localhost-secret S]",
  );
  process.exit(1);
}
const [authPort, acctPort] = [port("auth-port"), port("acct-port")];
const dataDir = path.resolve(process.env.DATA_DIR ?? "./data");

/** A secret kept in DATA_DIR (0600), generated the first time. */
async function keptSecret(name: string): Promise<string> {
  const file = path.join(dataDir, name);
  if (existsSync(file)) return (await readFile(file, "utf8")).trim();
  const value = randomBytes(18).toString("base64url");
  await mkdir(dataDir, { recursive: true });
  await writeFile(file, value, { mode: 0o600 });
  return value;
}

const local = await connectLocal({
  databaseUrl: process.env.DATABASE_URL,
  dataDir,
  migrate: true,
  log,
}).catch((e) => {
  log(`error: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
process.env.DATABASE_URL = local.url; // before lib/db is imported: lib/env reads the environment once
if (!process.env.ENCRYPTION_KEY && existsSync(path.join(dataDir, "secrets.json")))
  process.env.ENCRYPTION_KEY = JSON.parse(
    await readFile(path.join(dataDir, "secrets.json"), "utf8"),
  ).ENCRYPTION_KEY;

const { SYSTEM } = await import("../lib/auth/roles");
const { disconnectDb } = await import("../lib/db");
const { listRadiusClients } = await import("../lib/network/list-radius-clients");
const { writeRadiusConfig, STOCK_CONFIG_DIR } = await import("../lib/network/radius-config");
const { RADIUS_ROLE, radiusLoginSql, setRadiusRolePassword } =
  await import("../lib/network/radius-role");
let code = 0;
try {
  const password =
    values["db-password"] ??
    process.env.RADIUS_DB_PASSWORD ??
    (await keptSecret("radius-db-password"));
  const localhostSecret =
    values["localhost-secret"] ?? (await keptSecret("radius-localhost-secret"));
  try {
    await setRadiusRolePassword(password);
    log(`role ${RADIUS_ROLE}: may log in with the configured password`);
  } catch (e) {
    log(
      `could not set the ${RADIUS_ROLE} role's password (${e instanceof Error ? e.message.split("\n")[0] : String(e)}); as a superuser run:\n  ${radiusLoginSql(password)};`,
    );
  }
  const url = new URL(local.url);
  const clients = await listRadiusClients({ actor: SYSTEM });
  const out = await writeRadiusConfig({
    outDir: values.out,
    fromDir: values.from ?? STOCK_CONFIG_DIR,
    authPort,
    acctPort,
    database: {
      host: values["db-host"] ?? url.hostname,
      port: Number(url.port || 5432),
      dbname: decodeURIComponent(url.pathname.slice(1)),
      user: RADIUS_ROLE,
      password,
      sslmode: url.searchParams.get("sslmode") ?? undefined,
    },
    localhostSecret,
    clients,
    runsAsRoot: process.getuid?.() === 0,
  });
  log(
    `wrote ${out}: auth ${authPort}/udp, accounting ${acctPort}/udp, ${clients.length} NAS client(s) + localhost`,
  );
  log(`localhost client secret: ${localhostSecret}`);
  log(`try it: freeradius -X -d ${out}`);
  if (local.source === "started")
    log("note: FreeRADIUS needs the database running: start Lastmile (npm start) first");
} catch (e) {
  log(`error: ${e instanceof Error ? e.message : String(e)}`);
  code = 1;
} finally {
  await disconnectDb();
  await local.close();
}
process.exit(code);
