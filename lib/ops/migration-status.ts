// Whether the database has every migration this version ships: the directories in
// prisma/migrations against the rows of Prisma's `_prisma_migrations` table.
import { migrationNames } from "@/lib/db/migration-names";

export type MigrationStatus = {
  /** Every shipped migration applied and none half-done. */
  current: boolean;
  applied: number;
  pending: string[];
  /** Started and neither finished nor rolled back: failed, or running right now. */
  unfinished: string[];
  /** Applied by a newer version of Lastmile than this one. */
  unknown: string[];
};

type Row = { migration_name: string; finished_at: Date | null; rolled_back_at: Date | null };
type Query = (sql: string) => Promise<unknown[]>;

export async function readMigrationStatus(
  query: Query,
  migrationsDir?: string,
): Promise<MigrationStatus> {
  const shipped = await migrationNames(migrationsDir);
  const [table] = (await query(
    `SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS "exists"`,
  )) as { exists: boolean }[];
  const rows = table.exists
    ? ((await query(
        `SELECT "migration_name", "finished_at", "rolled_back_at" FROM "_prisma_migrations"`,
      )) as Row[])
    : [];
  const applied = new Set(rows.filter((r) => r.finished_at).map((r) => r.migration_name));
  const pending = shipped.filter((n) => !applied.has(n));
  const unfinished = rows
    .filter((r) => !r.finished_at && !r.rolled_back_at)
    .map((r) => r.migration_name);
  const known = new Set(shipped);
  return {
    current: pending.length === 0 && unfinished.length === 0,
    applied: applied.size,
    pending,
    unfinished,
    unknown: [...applied].filter((n) => !known.has(n)).sort(),
  };
}
