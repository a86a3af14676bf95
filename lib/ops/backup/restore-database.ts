// Loads a backup's tables into an empty database: the backup's migrations first (they are the
// schema), then every table's rows in one transaction, then the sequences. Either all rows
// arrive or none do.
import { createReadStream } from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { applyMigrations } from "@/lib/db/schema-engine";
import { migrationNames } from "@/lib/db/migration-names";
import type { Manifest } from "./manifest";
import { listTables, quoteIdent } from "./tables";

/** The tables of the current schema, for refusing to restore over data. */
export async function countTables(client: pg.ClientBase): Promise<number> {
  const { rows } = await client.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'v', 'm')`,
  );
  return rows[0].n;
}

async function assertKnownMigrations(manifest: Manifest) {
  const shipped = new Set(await migrationNames());
  const unknown = manifest.migrations.filter((m) => !shipped.has(m));
  if (unknown.length)
    throw new Error(
      `the backup was made by a newer Lastmile (${manifest.appVersion}; migration ${unknown[0]} is not in this version): restore it with that version or newer`,
    );
}

/**
 * Triggers off while loading: the immutability triggers would refuse the lines of finalised
 * invoices, and foreign keys are satisfied once every table is in. `session_replication_role`
 * does both for a superuser or a role granted SET on it; otherwise the table owner disables its
 * own triggers (foreign keys stay on, which the parents-first order satisfies).
 */
async function disableTriggers(
  client: pg.ClientBase,
  tables: string[],
): Promise<() => Promise<void>> {
  const { rows } = await client.query<{ ok: boolean }>(
    `SELECT current_setting('is_superuser') = 'on'
         OR has_parameter_privilege('session_replication_role', 'SET') AS ok`,
  );
  if (rows[0].ok) {
    await client.query("SET LOCAL session_replication_role = replica");
    return async () => {};
  }
  for (const t of tables) await client.query(`ALTER TABLE ${quoteIdent(t)} DISABLE TRIGGER USER`);
  return async () => {
    for (const t of tables) await client.query(`ALTER TABLE ${quoteIdent(t)} ENABLE TRIGGER USER`);
  };
}

/**
 * Secondary indexes (the customer search's trigram GIN indexes above all) cost several times
 * more row by row than built once over the loaded table: drop them for the load, build them after,
 * inside the same transaction. Primary keys and indexes a constraint depends on stay.
 */
async function dropSecondaryIndexes(client: pg.ClientBase): Promise<string[]> {
  const { rows } = await client.query<{ name: string; def: string }>(
    `SELECT ic.relname AS name, pg_get_indexdef(ic.oid) AS def
       FROM pg_index x
       JOIN pg_class ic ON ic.oid = x.indexrelid
       JOIN pg_namespace n ON n.oid = ic.relnamespace
      WHERE n.nspname = current_schema()
        AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = ic.oid)
        AND NOT EXISTS (SELECT 1 FROM pg_depend d
                         WHERE d.refobjid = ic.oid AND d.classid = 'pg_constraint'::regclass)`,
  );
  for (const r of rows) await client.query(`DROP INDEX ${quoteIdent(r.name)}`);
  return rows.map((r) => r.def);
}

export async function restoreDatabase(opts: {
  databaseUrl: string;
  stage: string;
  manifest: Manifest;
  log: (m: string) => void;
}): Promise<{ rows: number }> {
  const { manifest, log } = opts;
  await assertKnownMigrations(manifest);
  await applyMigrations(opts.databaseUrl, { only: manifest.migrations });
  log(`schema: applied the backup's ${manifest.migrations.length} migrations`);

  const client = new pg.Client({ connectionString: opts.databaseUrl });
  await client.connect();
  try {
    await client.query("BEGIN");
    const order = (await listTables(client)).map((t) => t.name);
    const present = new Set(order);
    const missing = manifest.tables.find((t) => !present.has(t.name));
    if (missing) throw new Error(`table ${missing.name} of the backup is not in its schema`);
    const byName = new Map(manifest.tables.map((t) => [t.name, t]));
    const tables = order.filter((t) => byName.has(t));
    const enableTriggers = await disableTriggers(client, tables);
    // A migration may have inserted default rows; the backup has them too.
    if (tables.length) await client.query(`TRUNCATE ${tables.map(quoteIdent).join(", ")}`);
    await client.query("SET LOCAL maintenance_work_mem = '256MB'");
    const indexes = await dropSecondaryIndexes(client);
    let rows = 0;
    for (const name of tables) {
      const t = byName.get(name)!;
      const copy = copyFrom(
        `COPY ${quoteIdent(name)} (${t.columns.map(quoteIdent).join(", ")}) FROM STDIN`,
      );
      await pipeline(createReadStream(path.join(opts.stage, t.file)), client.query(copy));
      if (copy.rowCount !== t.rows)
        throw new Error(
          `table ${name}: the backup lists ${t.rows} rows, its file holds ${copy.rowCount}`,
        );
      rows += t.rows;
    }
    for (const def of indexes) await client.query(def);
    for (const s of manifest.sequences) {
      if (s.lastValue === null) continue;
      await client.query("SELECT setval($1::regclass, $2::bigint, true)", [
        quoteIdent(s.name),
        s.lastValue,
      ]);
    }
    await enableTriggers();
    await client.query("COMMIT");
    log(
      `data: ${tables.length} tables, ${rows.toLocaleString("en")} rows, ${indexes.length} indexes rebuilt`,
    );
    // Fresh statistics, so the first queries after a restore get sensible plans.
    await client.query("ANALYZE");
    return { rows };
  } catch (e) {
    await client.query("ROLLBACK").catch(() => {});
    throw e;
  } finally {
    await client.end();
  }
}
