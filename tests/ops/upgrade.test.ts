// Upgrading: new migrations on a database that has data are preceded by a backup (embedded mode),
// and a migration that fails leaves the database exactly as it was, says so in one line, and is
// tried again on the next start once fixed.
import { cp, mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, expect, inject, test } from "vitest";
import { applyMigrations, MigrationFailedError, MIGRATIONS_DIR } from "@/lib/db/schema-engine";
import { upgradeDatabase } from "@/lib/ops/upgrade-database";
import { readMigrationStatus } from "@/lib/ops/migration-status";

const work = await mkdtemp(path.join(os.tmpdir(), "lastmile-upgrade-test-"));
const migrationsDir = path.join(work, "migrations");
const dataDir = path.join(work, "data");
const name = `upgrade_${Date.now()}`;
const serverUrl = inject("pgServerUrl");
const url = Object.assign(new URL(serverUrl), { pathname: `/${name}` }).toString();
let client: pg.Client;

async function addMigration(dir: string, sql: string) {
  await mkdir(path.join(migrationsDir, dir), { recursive: true });
  await writeFile(path.join(migrationsDir, dir, "migration.sql"), sql);
}
const exists = async (regclass: string) =>
  (await client.query(`SELECT to_regclass($1) IS NOT NULL AS ok`, [regclass])).rows[0].ok;
const columnExists = async (table: string, column: string) =>
  (
    await client.query(
      `SELECT 1 FROM information_schema.columns WHERE table_name = $1 AND column_name = $2`,
      [table, column],
    )
  ).rowCount === 1;

beforeAll(async () => {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  await cp(MIGRATIONS_DIR, migrationsDir, { recursive: true });
  await applyMigrations(url, { migrationsDir });
  client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(
    `INSERT INTO "AuditLog" ("actorType","actorLabel","action") VALUES ('SYSTEM','test','before.upgrade')`,
  );
});
afterAll(async () => {
  await client.end();
  await rm(work, { recursive: true, force: true });
});

test("new migrations on a database with data: backup first, then migrate, and say where", async () => {
  await addMigration("29990101000000_ops_probe", `CREATE TABLE "OpsProbe" ("id" INTEGER);`);
  const lines: string[] = [];
  const result = await upgradeDatabase({
    databaseUrl: url,
    dataDir,
    embedded: true,
    log: (m) => lines.push(m),
    migrationsDir,
  });
  expect(result.applied).toEqual(["29990101000000_ops_probe"]);
  expect(result.backup).toMatch(/backups\/lastmile-pre-upgrade-.*\.tar\.gz$/);
  expect(await readdir(path.join(dataDir, "backups"))).toEqual([path.basename(result.backup!)]);
  expect(lines.join("\n")).toContain(`backup taken: ${result.backup}`);
  expect(await exists('"OpsProbe"')).toBe(true);

  // Up to date: no second backup.
  const again = await upgradeDatabase({
    databaseUrl: url,
    dataDir,
    embedded: true,
    log: () => {},
    migrationsDir,
  });
  expect(again).toEqual({ applied: [], backup: null });
});

test("a failing migration leaves the database as it was, in one line, and runs again once fixed", async () => {
  const bad = "29990102000000_ops_bad";
  await addMigration(
    bad,
    `CREATE TABLE "OpsHalfDone" ("id" INTEGER);
ALTER TABLE "Customer" ADD COLUMN "opsHalfDone" INTEGER;
ALTER TABLE "NoSuchTable" ADD COLUMN "x" INTEGER;
`,
  );
  const error = await upgradeDatabase({
    databaseUrl: url,
    dataDir,
    embedded: true,
    log: () => {},
    migrationsDir,
  }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(MigrationFailedError);
  const message = (error as Error).message;
  expect(message).not.toContain("\n");
  expect(message).toMatch(
    new RegExp(
      `^migration ${bad} failed and was rolled back, the database is unchanged: .*NoSuchTable.* \\(the backup from before the upgrade: .*lastmile-pre-upgrade-.*\\.tar\\.gz\\)$`,
    ),
  );
  // Nothing of the failed script stayed behind.
  expect(await exists('"OpsHalfDone"')).toBe(false);
  expect(await columnExists("Customer", "opsHalfDone")).toBe(false);
  const status = await readMigrationStatus(
    async (sql) => (await client.query(sql)).rows,
    migrationsDir,
  );
  expect(status).toMatchObject({ current: false, pending: [bad], unfinished: [] });

  // Fixed, it applies on the next start.
  await addMigration(bad, `CREATE TABLE "OpsHalfDone" ("id" INTEGER);\n`);
  const retried = await upgradeDatabase({
    databaseUrl: url,
    dataDir,
    embedded: true,
    log: () => {},
    migrationsDir,
  });
  expect(retried.applied).toEqual([bad]);
  expect(await exists('"OpsHalfDone"')).toBe(true);
  expect(
    (await client.query(`SELECT 1 FROM "AuditLog" WHERE "action" = 'before.upgrade'`)).rowCount,
  ).toBe(1);
});

test("an external database is not backed up by the app; the log says whose job that is", async () => {
  await addMigration("29990103000000_ops_probe2", `CREATE TABLE "OpsProbe2" ("id" INTEGER);`);
  const lines: string[] = [];
  const result = await upgradeDatabase({
    databaseUrl: url,
    dataDir,
    embedded: false,
    log: (m) => lines.push(m),
    migrationsDir,
  });
  expect(result).toEqual({ applied: ["29990103000000_ops_probe2"], backup: null });
  expect(lines.join("\n")).toMatch(/1 new migration to apply to the external database/);
});
