// Every registered job with its schedule and its latest run: what the admin Jobs page and
// GET /api/v1/jobs show.
import { Cron } from "croner";
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/auth/roles";
import type { JobRun } from "@/lib/generated/prisma/client";
import { concurrencyKeyOf } from "./define-job";
import { describeCron } from "./describe-cron";
import { JOBS } from "./registry";

export type ListJobsOptions = { actor: Actor };

function serializeJobRun(r: JobRun) {
  return {
    id: r.id,
    trigger: r.trigger,
    status: r.status,
    startedAt: r.startedAt.toISOString(),
    finishedAt: r.finishedAt?.toISOString() ?? null,
    durationMs: r.durationMs,
    error: r.error,
    result: r.result,
  };
}

export async function listJobs(opts: ListJobsOptions) {
  assertCan(opts.actor, "jobs:run");
  return Promise.all(
    JOBS.map(async (job) => {
      const last = await db.jobRun.findFirst({
        where: { jobName: job.name },
        orderBy: { startedAt: "desc" },
      });
      return {
        name: job.name,
        description: job.description,
        cron: job.cron ?? null,
        schedule: job.cron ? (describeCron(job.cron) ?? job.cron) : null,
        nextRunAt: job.cron
          ? (new Cron(job.cron, { timezone: "UTC" }).nextRun()?.toISOString() ?? null)
          : null,
        events: job.events ?? [],
        concurrencyKey: concurrencyKeyOf(job),
        lastRun: last ? serializeJobRun(last) : null,
      };
    }),
  );
}
