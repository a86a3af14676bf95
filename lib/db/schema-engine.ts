// Drives Prisma's WebAssembly schema engine, because the native engine the Prisma CLI uses is
// downloaded from a CDN that offline machines cannot reach. Same engine, same migration layout,
// same `_prisma_migrations` table: the Prisma CLI works on our migrations wherever it is installed.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum } from "@prisma/driver-adapter-utils";
import { EXTERNAL_TABLES } from "./external-tables";
import { MIGRATIONS_DIR, migrationNames } from "./migration-names";

const require = createRequire(import.meta.url);
const PG_CHAR_OID = 18; // PostgreSQL's internal one-byte "char", used by the catalogue queries
const PG_TEXT_OID = 25;

export const SCHEMA_PATH = path.resolve("prisma/schema.prisma");
export { MIGRATIONS_DIR } from "./migration-names";
const FILTERS = { externalTables: EXTERNAL_TABLES, externalEnums: [] };

type Queryable = {
  performIO(q: unknown): Promise<{ fields: { dataTypeID: number }[]; rows: unknown[] }>;
  queryRaw(q: unknown): Promise<{ columnTypes: number[]; rows: unknown[] }>;
  executeScript?(s: string): Promise<void>;
  startTransaction?(i?: string): Promise<Queryable>;
  client: { query(s: string): Promise<unknown> };
  onError(e: unknown): never;
};

/**
 * adapter-pg rejects the `"char"` type the engine's catalogue queries return; the engine wants
 * it as a one-character column. And adapter-pg splits scripts on ";", which breaks function
 * bodies; PostgreSQL runs a multi-statement script as one simple query anyway — and as one
 * implicit transaction, which makes every migration all-or-nothing (see applyMigrations).
 */
function patchQueryable(q: Queryable): Queryable {
  const charColumns = new WeakMap<unknown[], number[]>();
  const performIO = q.performIO.bind(q);
  q.performIO = async (query) => {
    const result = await performIO(query);
    const idx: number[] = [];
    result.fields.forEach((f, i) => {
      if (f.dataTypeID === PG_CHAR_OID) {
        f.dataTypeID = PG_TEXT_OID;
        idx.push(i);
      }
    });
    if (idx.length) charColumns.set(result.rows, idx);
    return result;
  };
  const queryRaw = q.queryRaw.bind(q);
  q.queryRaw = async (query) => {
    const result = await queryRaw(query);
    for (const i of charColumns.get(result.rows) ?? [])
      result.columnTypes[i] = ColumnTypeEnum.Character;
    return result;
  };
  if (q.executeScript) {
    q.executeScript = async (script) => {
      try {
        await q.client.query(script);
      } catch (error) {
        q.onError(error);
      }
    };
  }
  if (q.startTransaction) {
    const start = q.startTransaction.bind(q);
    q.startTransaction = async (i) => patchQueryable(await start(i));
  }
  return q;
}

function adapterFactory(pool: pg.Pool) {
  const inner = new PrismaPg(pool);
  const factory = {
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: async () => patchQueryable((await inner.connect()) as unknown as Queryable),
    connectToShadowDb: async () =>
      patchQueryable((await inner.connectToShadowDb()) as unknown as Queryable),
  };
  return bindMigrationAwareSqlAdapterFactory(factory as never);
}

type Engine = {
  applyMigrations(input: unknown): Promise<{ appliedMigrationNames: string[] }>;
  diff(input: unknown): Promise<{ exitCode: number; stdout: string | null }>;
};
type EngineModule = {
  SchemaEngine: {
    new: (opts: unknown, log: (m: string) => void, factory: unknown) => Promise<Engine>;
  };
  __wbg_set_wasm(exports: unknown): void;
};

let engineModule: Promise<EngineModule> | undefined;

async function loadEngineModule(): Promise<EngineModule> {
  const dir = path.dirname(require.resolve("@prisma/schema-engine-wasm"));
  const g = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: { set_message(m: string): void } };
  // Without this registry a Rust panic surfaces as an unrelated TypeError.
  g.PRISMA_WASM_PANIC_REGISTRY ??= {
    set_message: (m) => console.error(`schema engine panic: ${m}`),
  };
  const bg = (await import(path.join(dir, "schema_engine_bg.js"))) as EngineModule &
    Record<string, unknown>;
  const bytes = await readFile(path.join(dir, "schema_engine_bg.wasm"));
  const { instance } = await WebAssembly.instantiate(bytes, {
    "./schema_engine_bg.js": bg as WebAssembly.ModuleImports,
  });
  bg.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return bg;
}

/** Runs `fn` with an engine on `url`, then closes its connections (the engine has no dispose). */
async function withEngine<T>(url: string, fn: (engine: Engine) => Promise<T>): Promise<T> {
  engineModule ??= loadEngineModule();
  const mod = await engineModule;
  const schema = await readFile(SCHEMA_PATH, "utf8");
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  try {
    const engine = await mod.SchemaEngine.new(
      { datamodels: [[SCHEMA_PATH, schema]] },
      () => {},
      adapterFactory(pool),
    );
    return await fn(engine);
  } finally {
    await pool.end();
  }
}

export type MigrationOptions = {
  /** Another migrations folder (tests of failing migrations). */
  migrationsDir?: string;
  /** Apply only these migrations (a restore brings a database to the backup's schema). */
  only?: readonly string[];
};

async function readMigrations(opts: MigrationOptions = {}) {
  const dir = opts.migrationsDir ?? MIGRATIONS_DIR;
  const entries = (await migrationNames(dir)).filter((n) => !opts.only || opts.only.includes(n));
  const migrationDirectories = await Promise.all(
    entries.map(async (name) => ({
      path: name,
      migrationFile: {
        path: "migration.sql",
        content: {
          tag: "ok",
          value: await readFile(path.join(dir, name, "migration.sql"), "utf8"),
        },
      },
    })),
  );
  const lock = await readFile(path.join(dir, "migration_lock.toml"), "utf8").catch(() => null);
  return {
    baseDir: dir,
    lockfile: { path: "migration_lock.toml", content: lock },
    migrationDirectories,
    shadowDbInitScript: "",
  };
}

// Ours, not the engine's: two instances starting together migrate one after the other.
const MIGRATE_LOCK = 0x4c4d4947; // "LMIG"

/** A migration failed. PostgreSQL rolled its script back, so the database is as it was. */
export class MigrationFailedError extends Error {
  override name = "MigrationFailedError";
}

/**
 * Each migration script runs as one simple query (patchQueryable's executeScript), which
 * PostgreSQL executes as one implicit transaction: a migration that fails, or whose process dies,
 * leaves none of its statements behind. The engine still records it as started-but-unfinished and
 * then refuses every later migration (Prisma's P3009). Such a row is marked rolled back — what
 * `prisma migrate resolve --rolled-back` does — because it was; the next start tries it again.
 */
async function resolveInterrupted(client: pg.Client): Promise<string[]> {
  const table = await client.query(`SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS ok`);
  if (!table.rows[0].ok) return [];
  const { rows } = await client.query<{ migration_name: string }>(
    `UPDATE "_prisma_migrations" SET "rolled_back_at" = now()
      WHERE "finished_at" IS NULL AND "rolled_back_at" IS NULL RETURNING "migration_name"`,
  );
  return rows.map((r) => r.migration_name);
}

/** The engine's message without its backtrace: "No such table: Nope". */
function engineCause(e: unknown): string {
  const lines = (e instanceof Error ? e.message : String(e)).split("\n").map((l) => l.trim());
  const cause = lines.filter(
    (l) => l && l !== "external connector error" && !/^(\d+:|at )/.test(l),
  )[0];
  return cause ?? "unknown error";
}

/** Applies every migration not yet in `_prisma_migrations`. Idempotent. */
export async function applyMigrations(url: string, opts: MigrationOptions = {}): Promise<string[]> {
  const migrationsList = await readMigrations(opts);
  const lock = new pg.Client({ connectionString: url });
  await lock.connect();
  try {
    await lock.query("SELECT pg_advisory_lock($1)", [MIGRATE_LOCK]);
    await resolveInterrupted(lock);
    try {
      const result = await withEngine(url, (engine) =>
        engine.applyMigrations({ migrationsList, filters: FILTERS }),
      );
      return result.appliedMigrationNames;
    } catch (e) {
      const failed = await resolveInterrupted(lock);
      if (!failed.length) throw e;
      throw new MigrationFailedError(
        `migration ${failed.join(", ")} failed and was rolled back, the database is unchanged: ${engineCause(e)}`,
      );
    }
  } finally {
    await lock.end().catch(() => {}); // closing the session releases the lock
  }
}

/**
 * SQL that takes a database built from the migrations to the schema in schema.prisma,
 * or "" when they agree. `scratchUrl` must point at an empty database.
 */
export async function diffSchemaAgainstMigrations(scratchUrl: string): Promise<string> {
  const schema = await readFile(SCHEMA_PATH, "utf8");
  const migrations = await readMigrations();
  const { exitCode, stdout } = await withEngine(scratchUrl, (engine) =>
    engine.diff({
      from: { tag: "migrations", ...migrations },
      to: { tag: "schemaDatamodel", files: [{ path: SCHEMA_PATH, content: schema }] },
      script: true,
      exitCode: true,
      filters: FILTERS,
    }),
  );
  return exitCode === 2 ? (stdout ?? "") : "";
}
