// An operator runs a registered job now, from the admin Jobs page or POST /api/v1/jobs/{name}/run.
// Without an Inngest server the embedded runner runs it here and the outcome comes back at once;
// with one, the run is recorded and handed to Inngest (`jobs/run.requested`), and its JobRun
// row shows the outcome when Inngest has run it.
import { assertCan, type Actor } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Prisma } from "@/lib/generated/prisma/client";
import { usesInngestServer } from "@/lib/env";
import { notFound } from "@/lib/errors";
import { jobRunRequested } from "@/lib/events/events";
import { publish } from "@/lib/events/publish";
import { startJobRun, type JobRunOutcome } from "./record-job-run";
import { findJob } from "./registry";
import { runJob } from "./run-job";

export type RunJobNowOptions = {
  actor: Actor;
  name: string;
  /** Checked against the job's payload schema; most jobs take none (a full sweep). */
  payload?: Record<string, unknown>;
  trigger?: "manual" | "api";
};

export async function runJobNow(
  opts: RunJobNowOptions,
): Promise<JobRunOutcome & { queued: boolean }> {
  assertCan(opts.actor, "jobs:run");
  const job = findJob(opts.name);
  if (!job) throw notFound(`Job "${opts.name}"`);
  const trigger = opts.trigger ?? "manual";
  const payload = job.payload.parse(opts.payload ?? {}) as Record<string, unknown>;
  await recordAudit({
    actor: opts.actor,
    action: "jobs.run",
    entityType: "Job",
    entityId: job.name,
    data: { trigger, payload: payload as Prisma.InputJsonObject },
  });
  if (usesInngestServer()) {
    const runId = await startJobRun({ jobName: job.name, trigger, payload });
    await publish(jobRunRequested.create({ job: job.name, jobRunId: runId, trigger, payload }));
    return { runId, status: "RUNNING", result: null, error: null, queued: true };
  }
  return { ...(await runJob({ job, payload, trigger })), queued: false };
}
