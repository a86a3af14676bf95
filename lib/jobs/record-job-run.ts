// The JobRun history both runners write: a row when a run starts, its outcome when it ends.
// Rows older than RETENTION_DAYS are removed as each run of the same job finishes.
import { ZodError } from "zod";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { JobRunStatus, JobRunTrigger } from "@/lib/generated/prisma/enums";
import { baseNow } from "@/lib/time/clock";
import { recordJobRun } from "@/lib/ops/metrics/record-job-run";

const RETENTION_DAYS = 30;

export type JobRunOutcome = {
  runId: string;
  status: JobRunStatus;
  result: unknown;
  error: string | null;
};

const json = (value: unknown) =>
  value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue);

export async function startJobRun(opts: {
  jobName: string;
  trigger: JobRunTrigger;
  payload: unknown;
  status?: Extract<JobRunStatus, "RUNNING" | "SKIPPED">;
  error?: string;
}): Promise<string> {
  const at = baseNow(); // operational history: real time, whatever the sandbox clock says
  const skipped = opts.status === "SKIPPED";
  const run = await db.jobRun.create({
    data: {
      jobName: opts.jobName,
      trigger: opts.trigger,
      payload: json(opts.payload),
      status: opts.status ?? "RUNNING",
      error: opts.error,
      startedAt: at,
      ...(skipped && { finishedAt: at, durationMs: 0 }),
    },
    select: { id: true },
  });
  return run.id;
}

export async function finishJobRun(opts: {
  runId: string;
  status: Extract<JobRunStatus, "SUCCEEDED" | "FAILED">;
  result?: unknown;
  error?: string;
}): Promise<JobRunOutcome> {
  const at = baseNow(); // operational history: real time, whatever the sandbox clock says
  const run = await db.jobRun.findUniqueOrThrow({
    where: { id: opts.runId },
    select: { jobName: true, startedAt: true },
  });
  await db.jobRun.update({
    where: { id: opts.runId },
    data: {
      status: opts.status,
      result: json(opts.result),
      error: opts.error ?? null,
      finishedAt: at,
      durationMs: Math.max(0, at.getTime() - run.startedAt.getTime()),
    },
  });
  await db.jobRun.deleteMany({
    where: {
      jobName: run.jobName,
      startedAt: { lt: new Date(at.getTime() - RETENTION_DAYS * 86_400_000) },
    },
  });
  recordJobRun({
    name: run.jobName,
    status: opts.status === "SUCCEEDED" ? "succeeded" : "failed",
    durationMs: Math.max(0, at.getTime() - run.startedAt.getTime()),
    finishedAt: at,
  });
  return {
    runId: opts.runId,
    status: opts.status,
    result: opts.result ?? null,
    error: opts.error ?? null,
  };
}

/** The error as one line for the history: zod issues by field, otherwise the message. */
export function errorText(e: unknown): string {
  if (e instanceof ZodError)
    return e.issues.map((i) => `${i.path.join(".") || "payload"}: ${i.message}`).join("; ");
  return e instanceof Error ? e.message : String(e);
}
