// What readiness means: the database answers, it has every migration this version ships, and
// the jobs are healthy. Database and migrations decide whether this instance can serve (503
// otherwise); an unhealthy job only marks it "degraded" — taking every instance out of the load
// balancer because a nightly job failed would turn one problem into an outage.
import { db } from "@/lib/db";
import { usesInngestServer } from "@/lib/env";
import { jobHealth, type JobHealth } from "./job-health";
import { readMigrationStatus, type MigrationStatus } from "./migration-status";

export type ReadinessStatus = "ok" | "degraded" | "unavailable";

export type ReadinessReport = {
  status: ReadinessStatus;
  checks: {
    database: { ok: boolean; latencyMs: number | null; error?: string };
    migrations: ({ ok: boolean } & MigrationStatus) | { ok: false; error: string };
    jobs: { ok: boolean; runner: "embedded scheduler" | "Inngest server"; jobs: JobHealth[] };
  };
};

const TIMEOUT_MS = 3000;

function withTimeout<T>(p: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took over ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e)).split("\n")[0];

async function checkDatabase(): Promise<ReadinessReport["checks"]["database"]> {
  const started = performance.now();
  try {
    await withTimeout(db.$queryRawUnsafe("SELECT 1"), "the database");
    return { ok: true, latencyMs: Math.round(performance.now() - started) };
  } catch (e) {
    return { ok: false, latencyMs: null, error: message(e) };
  }
}

async function checkMigrations(): Promise<ReadinessReport["checks"]["migrations"]> {
  try {
    const status = await withTimeout(
      readMigrationStatus((sql) => db.$queryRawUnsafe(sql)),
      "reading _prisma_migrations",
    );
    return { ok: status.current, ...status };
  } catch (e) {
    return { ok: false, error: message(e) };
  }
}

export async function runReadinessChecks(): Promise<ReadinessReport> {
  const database = await checkDatabase();
  const migrations = database.ok
    ? await checkMigrations()
    : { ok: false as const, error: "the database is unreachable" };
  // Job history lives in the database: without it there is nothing to read.
  const jobs = migrations.ok ? await jobHealth().catch(() => []) : [];
  const jobsOk = jobs.every((j) => j.ok);
  return {
    status: !database.ok || !migrations.ok ? "unavailable" : jobsOk ? "ok" : "degraded",
    checks: {
      database,
      migrations,
      jobs: {
        ok: jobsOk,
        runner: usesInngestServer() ? "Inngest server" : "embedded scheduler",
        jobs,
      },
    },
  };
}
