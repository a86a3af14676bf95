// Starts one throw-away embedded PostgreSQL for the whole test run and migrates a template
// database once; every test file then clones it (see per-file.ts). Set TEST_DATABASE_URL to a
// server of your own on this machine to use that instead (its database must allow CREATE
// DATABASE); a server elsewhere is refused before anything is dropped.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "../../lib/db/embedded-postgres";
import { applyMigrations } from "../../lib/db/schema-engine";
import { assertLocalDatabase } from "./assert-local-database";

export const TEMPLATE_DB = "lastmile_template";

declare module "vitest" {
  export interface ProvidedContext {
    pgServerUrl: string;
  }
}

export default async function setup(project: TestProject) {
  let serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) assertLocalDatabase(serverUrl);
  let stop = async () => {};
  if (!serverUrl) {
    const dir = await mkdtemp(path.join(os.tmpdir(), "lastmile-test-pg-"));
    const server = await startEmbeddedPostgres({ dataDir: dir, persistent: false });
    serverUrl = server.url("postgres");
    stop = async () => {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    };
  }
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
  await admin.end();
  const templateUrl = new URL(serverUrl);
  templateUrl.pathname = `/${TEMPLATE_DB}`;
  await applyMigrations(templateUrl.toString());
  project.provide("pgServerUrl", serverUrl);
  return stop;
}
