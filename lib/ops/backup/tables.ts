// The tables a backup copies and the order a restore fills them in: parents before the tables
// whose foreign keys point at them.
import type pg from "pg";

export type TableInfo = { name: string; columns: string[] };

export const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Every plain table of the current schema except Prisma's migration log, parents first. */
export async function listTables(client: pg.ClientBase): Promise<TableInfo[]> {
  const { rows: cols } = await client.query<{ table: string; column: string }>(
    `SELECT c.relname AS "table", a.attname AS "column"
       FROM pg_attribute a
       JOIN pg_class c ON c.oid = a.attrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relkind = 'r'
        AND c.relname <> '_prisma_migrations'
        AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
      ORDER BY c.relname, a.attnum`,
  );
  const { rows: fks } = await client.query<{ child: string; parent: string }>(
    `SELECT cl.relname AS child, pl.relname AS parent
       FROM pg_constraint k
       JOIN pg_class cl ON cl.oid = k.conrelid
       JOIN pg_class pl ON pl.oid = k.confrelid
       JOIN pg_namespace n ON n.oid = cl.relnamespace
      WHERE k.contype = 'f' AND n.nspname = current_schema() AND cl.oid <> pl.oid`,
  );
  const columns = new Map<string, string[]>();
  for (const c of cols) columns.set(c.table, [...(columns.get(c.table) ?? []), c.column]);
  return fkOrder([...columns.keys()], fks).map((name) => ({ name, columns: columns.get(name)! }));
}

/** Kahn's topological sort, alphabetical among equals; a cycle's tables go last, alphabetically. */
function fkOrder(tables: string[], fks: { child: string; parent: string }[]): string[] {
  const parents = new Map(tables.map((t) => [t, new Set<string>()]));
  for (const { child, parent } of fks) if (parents.has(parent)) parents.get(child)?.add(parent);
  const done: string[] = [];
  const placed = new Set<string>();
  for (;;) {
    const ready = tables
      .filter((t) => !placed.has(t) && [...parents.get(t)!].every((p) => placed.has(p)))
      .sort();
    if (!ready.length) break;
    for (const t of ready) placed.add(t);
    done.push(...ready);
  }
  return [...done, ...tables.filter((t) => !placed.has(t)).sort()];
}
