import { db } from "@/lib/db";
import { now } from "@/lib/time/clock";

/** Removes counters whose window has ended; they would count nothing anyway. */
export async function deleteExpiredRateLimits(): Promise<{ deleted: number }> {
  const { count } = await db.rateLimitBucket.deleteMany({ where: { resetAt: { lte: now() } } });
  return { deleted: count };
}
