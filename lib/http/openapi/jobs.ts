// Operations on background jobs: the registry with each job's latest run, and "run now".
import { z } from "zod";
import { notFound } from "@/lib/errors";
import { defineOperation } from "@/lib/http/define-operation";
import { JOB_NAMES } from "@/lib/jobs/registry";

const JobRunStatus = z.enum(["RUNNING", "SUCCEEDED", "FAILED", "SKIPPED"]);

const JobRun = z
  .object({
    id: z.string(),
    trigger: z.enum(["cron", "event", "manual", "api"]),
    status: JobRunStatus,
    startedAt: z.iso.datetime(),
    finishedAt: z.iso.datetime().nullable(),
    durationMs: z.number().int().nullable(),
    error: z.string().nullable(),
    result: z.unknown().describe("What the job returned (JSON)"),
  })
  .meta({ id: "JobRun" });

const Job = z
  .object({
    name: z.enum(JOB_NAMES),
    description: z.string(),
    cron: z.string().nullable().describe("Cron expression in UTC"),
    schedule: z.string().nullable().describe("The cron in words"),
    nextRunAt: z.iso.datetime().nullable(),
    events: z.array(z.string()).describe("Events that start the job"),
    concurrencyKey: z.string().describe("Runs with the same key never overlap"),
    lastRun: JobRun.nullable(),
  })
  .meta({ id: "Job" });

export const listJobsOperation = defineOperation({
  method: "GET",
  path: "/jobs",
  tag: "Jobs",
  summary: "Background jobs with their schedule and latest run",
  roles: ["ADMIN"],
  responses: { 200: z.object({ jobs: z.array(Job) }) },
});

const RunOutcome = z
  .object({
    runId: z.string().describe("JobRun id"),
    status: JobRunStatus,
    result: z.unknown().describe("What the job returned (JSON); null until it has run"),
    error: z.string().nullable(),
  })
  .meta({ id: "JobRunOutcome" });

export const runJobOperation = defineOperation({
  method: "POST",
  path: "/jobs/{name}/run",
  tag: "Jobs",
  summary: "Run a job now",
  description:
    "Runs the job at once and answers with its outcome (200). With an Inngest server configured the run is handed to Inngest and the answer is 202 with status RUNNING; GET /jobs shows the outcome later. A run that finds the same job already running is SKIPPED.",
  roles: ["ADMIN"],
  params: z.object({
    // An unknown job is a missing resource (404), not a malformed request: the error callback
    // throws the AppError itself instead of letting zod report a validation issue.
    name: z.enum(JOB_NAMES, {
      error: () => {
        throw notFound("Job");
      },
    }),
  }),
  body: z
    .object({
      payload: z
        .record(z.string(), z.unknown())
        .optional()
        .describe("The job's payload; most jobs take none and sweep everything"),
    })
    .meta({ id: "RunJobRequest" }),
  responses: { 200: RunOutcome, 202: RunOutcome },
});

export const jobOperations = [listJobsOperation, runJobOperation];
