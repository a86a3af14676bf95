// The commands as an operator runs them: `npm run backup` and `npm run restore` find the database
// exactly as npm start does — DATABASE_URL, or the embedded PostgreSQL under DATA_DIR.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { list as tarList } from "tar";
import { afterAll, beforeAll, expect, test } from "vitest";
import { startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { createCustomer, setupIsp } from "../billing/fixtures";

const work = await mkdtemp(path.join(os.tmpdir(), "lastmile-backup-cli-"));
await chmod(work, 0o755); // as root, PostgreSQL runs as the postgres user, who must reach DATA_DIR

function run(script: string, args: string[], env: Record<string, string>) {
  return new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", `scripts/${script}.ts`, ...args], {
      env: { ...process.env, VITEST: "", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    child.on("exit", (code) => resolve({ code, out, err }));
  });
}

async function manifestOf(file: string) {
  let text = "";
  await tarList({
    file,
    onReadEntry: (e) => {
      if (e.path === "manifest.json") e.on("data", (d: Buffer) => (text += d));
      else e.resume();
    },
  });
  return JSON.parse(text) as { tables: { name: string; rows: number }[] };
}
const customers = (m: Awaited<ReturnType<typeof manifestOf>>) =>
  m.tables.find((t) => t.name === "Customer")!.rows;

beforeAll(async () => {
  await setupIsp();
  for (let i = 0; i < 3; i++) await createCustomer();
});
afterAll(() => rm(work, { recursive: true, force: true }));

test("backup from DATABASE_URL, restore into an empty data directory, back up from there", async () => {
  const file = path.join(work, "from-url.tar.gz");
  const backup = await run("backup", ["--out", file], { DATA_DIR: path.join(work, "src") });
  expect(backup.err).toMatch(/\[backup\] wrote .*from-url\.tar\.gz/);
  expect(backup.out.trim()).toBe(file);
  expect(backup.code).toBe(0);
  expect((await stat(file)).mode & 0o777).toBe(0o600);
  expect(customers(await manifestOf(file))).toBe(3);

  const dataDir = path.join(work, "restored");
  const restore = await run("restore", [file], { DATA_DIR: dataDir, DATABASE_URL: "" });
  expect(restore.err).toContain("initialising PostgreSQL data directory");
  expect(restore.err).toMatch(/\[restore\] restored \d+ rows/);
  expect(restore.code).toBe(0);

  // Again into the same directory: refused in one line, nothing touched.
  const again = await run("restore", [file], { DATA_DIR: dataDir, DATABASE_URL: "" });
  expect(again.code).toBe(1);
  expect(again.err.trim().split("\n").at(-1)).toMatch(
    /^\[restore\] error: .*restored is not empty \(pg, pg-password, pg-port\); .*--force/,
  );

  // The embedded database under DATA_DIR now holds the same customers.
  const second = path.join(work, "from-embedded.tar.gz");
  const embedded = await run("backup", ["--out", second], { DATA_DIR: dataDir, DATABASE_URL: "" });
  expect(embedded.code).toBe(0);
  expect(embedded.err).toContain("started the embedded PostgreSQL");
  expect(customers(await manifestOf(second))).toBe(3);

  // Never under a running app, even with --force.
  const app = await startEmbeddedPostgres({ dataDir });
  try {
    const busy = await run("restore", [file, "--force"], { DATA_DIR: dataDir, DATABASE_URL: "" });
    expect(busy.code).toBe(1);
    expect(busy.err).toMatch(/is in use: stop npm start first/);
  } finally {
    await app.stop();
  }
});

test("a missing or damaged file is one clear error", async () => {
  const env = { DATA_DIR: path.join(work, "empty"), DATABASE_URL: "" };
  const missing = await run("restore", [path.join(work, "missing.tar.gz")], env);
  expect(missing.code).toBe(1);
  expect(missing.err.trim()).toMatch(/^\[restore\] error: .*missing\.tar\.gz does not exist$/);

  const damaged = path.join(work, "damaged.tar.gz");
  const whole = await readFile(path.join(work, "from-url.tar.gz"));
  await writeFile(damaged, whole.subarray(0, Math.floor(whole.length / 2)));
  const res = await run("restore", [damaged], env);
  expect(res.code).toBe(1);
  expect(res.err.trim().split("\n").at(-1)).toMatch(
    /^\[restore\] error: .*damaged\.tar\.gz is not a readable backup archive: /,
  );
  expect(existsSync(path.join(work, "empty"))).toBe(false);
});
