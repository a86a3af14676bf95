// Runs `fn` only if no other session holds the PostgreSQL advisory lock for `key`: the embedded
// runner's way to keep runs with one concurrency key from overlapping across processes and app
// instances sharing a database. Each call takes its own connection, because session locks are
// re-entrant within a session and so would not keep two runs in one process apart.
import pg from "pg";
import { env } from "@/lib/env";

export async function withAdvisoryLock<T>(
  key: string,
  fn: () => Promise<T>,
): Promise<{ acquired: true; value: T } | { acquired: false }> {
  const client = new pg.Client({ connectionString: env.DATABASE_URL });
  await client.connect();
  const lockId = `lastmile.jobs:${key}`;
  try {
    const { rows } = await client.query<{ ok: boolean }>(
      "SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS ok",
      [lockId],
    );
    if (!rows[0].ok) return { acquired: false };
    try {
      return { acquired: true, value: await fn() };
    } finally {
      // Closing the session below releases the lock too, so a failed unlock changes nothing.
      await client
        .query("SELECT pg_advisory_unlock(hashtextextended($1, 0))", [lockId])
        .catch(() => {});
    }
  } finally {
    await client.end().catch(() => {});
  }
}
