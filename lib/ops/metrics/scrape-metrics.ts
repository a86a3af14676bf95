// GET /api/metrics: Prometheus text for a scraper holding METRICS_TOKEN. Counters accumulate as
// requests and jobs happen; the gauges below are read from the database at scrape time.
import { timingSafeEqual, createHash } from "node:crypto";
import { db, dbPoolStats } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { metrics } from "./registry";

export type ScrapeMetricsOptions = { authorization: string | null };

const digest = (s: string) => createHash("sha256").update(s).digest();

function assertToken(authorization: string | null) {
  // Without a token the endpoint does not exist, so a forgotten setting exposes nothing.
  if (!env.METRICS_TOKEN) throw new AppError("NOT_FOUND", "Not found");
  const given = authorization?.match(/^Bearer\s+(\S+)$/i)?.[1] ?? "";
  if (!timingSafeEqual(digest(given), digest(env.METRICS_TOKEN)))
    throw new AppError("UNAUTHENTICATED", "Send the metrics token as 'Authorization: Bearer …'.");
}

const ageSeconds = (oldest: Date | null | undefined, at: number) =>
  oldest ? Math.max(0, (at - oldest.getTime()) / 1000) : 0;

async function readGauges() {
  const m = metrics();
  const [outbox, failed, oldestPending, webhooks] = await Promise.all([
    db.notification.count({ where: { status: "PENDING" } }),
    db.notification.count({ where: { status: "FAILED" } }),
    db.notification.findFirst({
      where: { status: "PENDING" },
      orderBy: { createdAt: "asc" },
      select: { createdAt: true },
    }),
    db.webhookEvent.aggregate({
      where: { processedAt: null },
      _count: true,
      _min: { receivedAt: true },
    }),
  ]);
  // Lag is wall-clock age, not business time: the sandbox clock must not hide a stuck queue.
  const at = Date.now();
  m.outboxPending.set(outbox);
  m.outboxFailed.set(failed);
  m.outboxOldestPending.set(ageSeconds(oldestPending?.createdAt, at));
  m.webhooksUnprocessed.set(webhooks._count);
  m.webhookLag.set(ageSeconds(webhooks._min.receivedAt, at));
  const pool = dbPoolStats();
  if (pool) {
    m.dbPool.set({ state: "idle" }, pool.idle);
    m.dbPool.set({ state: "active" }, pool.total - pool.idle);
    m.dbPool.set({ state: "max" }, pool.max);
    m.dbPoolWaiting.set(pool.waiting);
  }
}

export async function scrapeMetrics(
  opts: ScrapeMetricsOptions,
): Promise<{ contentType: string; body: string }> {
  assertToken(opts.authorization);
  await readGauges();
  const { registry } = metrics();
  return { contentType: registry.contentType, body: await registry.metrics() };
}
