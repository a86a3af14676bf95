// CLIs reach the database npm start uses without ever starting a second PostgreSQL on a data
// directory that a running app holds (that would stop the app's server).
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, expect, test } from "vitest";
import { startEmbeddedPostgres, type RunningPostgres } from "@/lib/db/embedded-postgres";
import { connectLocal, runningPostgresPort } from "@/lib/db/connect-local";

let dir: string;
let app: RunningPostgres | undefined;

const select1 = async (url: string) => {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const r = await c.query("SELECT current_database() AS db");
  await c.end();
  return r.rows[0].db;
};

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "lastmile-connect-local-"));
});
afterAll(async () => {
  await app?.stop().catch(() => {});
  await rm(dir, { recursive: true, force: true });
});

test("an explicit DATABASE_URL wins", async () => {
  const local = await connectLocal({
    databaseUrl: "postgresql://x@db.example:5432/lm",
    dataDir: dir,
  });
  expect(local).toMatchObject({ url: "postgresql://x@db.example:5432/lm", source: "DATABASE_URL" });
});

test("a data directory without a database says to run npm start", async () => {
  await expect(connectLocal({ dataDir: path.join(dir, "empty") })).rejects.toThrow(/npm start/);
});

test("connects to the PostgreSQL a running app holds, then starts and stops its own when none runs", async () => {
  app = await startEmbeddedPostgres({ dataDir: dir }); // stands in for `npm start`
  expect(await runningPostgresPort(path.join(dir, "pg"))).toBe(app.port);
  const shared = await connectLocal({ dataDir: dir });
  expect(shared.source).toBe("running");
  expect(await select1(shared.url)).toBe("lastmile");
  await shared.close(); // must not stop the app's server
  expect(await select1(app.url("lastmile"))).toBe("lastmile");

  await app.stop();
  app = undefined;
  expect(await runningPostgresPort(path.join(dir, "pg"))).toBeNull();
  const own = await connectLocal({ dataDir: dir, migrate: true });
  expect(own.source).toBe("started");
  const c = new pg.Client({ connectionString: own.url });
  await c.connect();
  const migrated = await c.query(`SELECT count(*)::int AS n FROM "_prisma_migrations"`);
  await c.end();
  expect(migrated.rows[0].n).toBeGreaterThan(0);
  await own.close();
  expect(await runningPostgresPort(path.join(dir, "pg"))).toBeNull();
});
