// An empty throw-away database, for diffing the schema against the migrations.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "./embedded-postgres";

/** Runs `fn` with the URL of a new empty database, on `serverUrl`'s server or an embedded one. */
export async function withScratchDatabase<T>(
  serverUrl: string | undefined,
  fn: (url: string) => Promise<T>,
): Promise<T> {
  if (!serverUrl) {
    const dir = await mkdtemp(path.join(os.tmpdir(), "lastmile-scratch-"));
    const server = await startEmbeddedPostgres({ dataDir: dir, persistent: false });
    try {
      return await withScratchDatabase(server.url("postgres"), fn);
    } finally {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    }
  }
  const name = `lastmile_scratch_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  try {
    return await fn(url.toString());
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}
