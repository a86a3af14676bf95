// Fixed-window rate limits kept in PostgreSQL, so every app instance shares them. Rows outlive
// their window only until the hourly sweep (delete-expired-rate-limits.ts) removes them.
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { now } from "@/lib/time/clock";

/** Counts one hit on `key`; returns false once more than `limit` hits fall in the window. */
export async function hitRateLimit(
  key: string,
  limit: number,
  windowSeconds: number,
): Promise<boolean> {
  return (await countHit(key, windowSeconds)) <= limit;
}

/** Adds one to `key`'s count in its window (starting a new window when the old one ended). */
export async function countHit(key: string, windowSeconds: number): Promise<number> {
  const at = now();
  const resetAt = new Date(at.getTime() + windowSeconds * 1000);
  const rows = await db.$queryRaw<{ count: number }[]>`
    INSERT INTO "RateLimitBucket" ("key", "count", "resetAt", "lastAt") VALUES (${key}, 1, ${resetAt}, ${at})
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimitBucket"."resetAt" <= ${at} THEN 1 ELSE "RateLimitBucket"."count" + 1 END,
      "resetAt" = CASE WHEN "RateLimitBucket"."resetAt" <= ${at} THEN ${resetAt} ELSE "RateLimitBucket"."resetAt" END,
      "lastAt" = ${at}
    RETURNING "count"`;
  return rows[0].count;
}

/** The count in `key`'s current window without adding to it (0 when none or expired). */
export async function peekRateLimit(key: string): Promise<{ count: number; lastAt: Date | null }> {
  const row = await db.rateLimitBucket.findUnique({
    where: { key },
    select: { count: true, resetAt: true, lastAt: true },
  });
  if (!row || row.resetAt <= now()) return { count: 0, lastAt: null };
  return { count: row.count, lastAt: row.lastAt };
}

export const rateLimited = () =>
  new AppError("RATE_LIMITED", "Too many attempts. Please wait a few minutes and try again.");

export async function enforceRateLimit(key: string, limit: number, windowSeconds: number) {
  if (!(await hitRateLimit(key, limit, windowSeconds))) throw rateLimited();
}

export async function clearRateLimit(key: string) {
  await db.rateLimitBucket.deleteMany({ where: { key } });
}
