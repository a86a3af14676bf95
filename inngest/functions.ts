// One Inngest function per registered job (lib/jobs/registry.ts), served at /api/inngest when an
// Inngest server is configured. Triggers come from the job's cron and events, plus
// `jobs/run.requested` for that job (an operator's "run now"); runs with the same concurrency key
// never overlap; the handler's steps are Inngest steps (memoised, retried). Each run is recorded
// as a JobRun, as the embedded runner does.
import { cron, NonRetriableError } from "inngest";
import { ZodError } from "zod";
import { AppError } from "@/lib/errors";
import type { JobRunTrigger } from "@/lib/generated/prisma/enums";
import { concurrencyKeyOf, type AnyJob, type JobStep } from "@/lib/jobs/define-job";
import { JOBS } from "@/lib/jobs/registry";
import { errorText, finishJobRun, startJobRun } from "@/lib/jobs/record-job-run";
import { logger } from "@/lib/log";
import { inngest, jobRunRequested } from "./client";

type Retries = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10;
type TriggerEvent = { name: string; data?: Record<string, unknown> };

/** How the run was started and with which payload, from the event Inngest ran it for. */
function startedBy(event: TriggerEvent): {
  trigger: JobRunTrigger;
  payload: unknown;
  jobRunId?: string;
} {
  const data = event.data ?? {};
  if (event.name === "inngest/scheduled.timer") return { trigger: "cron", payload: {} };
  if (event.name === jobRunRequested.name) {
    const requested = jobRunRequested.schema.parse(data);
    return {
      trigger: requested.trigger,
      payload: requested.payload,
      jobRunId: requested.jobRunId,
    };
  }
  if (event.name === "inngest/function.invoked") return { trigger: "manual", payload: data };
  return { trigger: "event", payload: data };
}

/** A business refusal (AppError) or a bad payload fails the same way every time: do not retry. */
const final = (e: unknown) =>
  e instanceof AppError || e instanceof ZodError
    ? new NonRetriableError(errorText(e), { cause: e })
    : e;

const functionId = (jobName: string) => jobName.replace(/\./g, "-");

function toFunction(job: AnyJob) {
  return inngest.createFunction(
    {
      id: functionId(job.name),
      name: job.description,
      triggers: [
        ...(job.cron ? [cron(job.cron)] : []),
        ...(job.events ?? []).map((event) => ({ event })),
        { event: jobRunRequested.name, if: `event.data.job == ${JSON.stringify(job.name)}` },
      ],
      // A constant key shared across functions ("env" scope) is what a shared key means here.
      concurrency: {
        limit: job.concurrencyLimit ?? 1,
        key: JSON.stringify(concurrencyKeyOf(job)),
        scope: "env",
      },
      retries: (job.retries ?? 3) as Retries,
    },
    async ({ event, step, runId: inngestRunId }) => {
      const { trigger, payload, jobRunId } = startedBy(event as TriggerEvent);
      const runId = await step.run(
        "job-run-start",
        async () => jobRunId ?? startJobRun({ jobName: job.name, trigger, payload }),
      );
      const log = logger.child({ job: job.name, runId, inngestRunId });
      const jobStep: JobStep = {
        run: (name, fn) =>
          step.run(name, async () => {
            try {
              return await fn();
            } catch (e) {
              throw final(e);
            }
          }) as ReturnType<typeof fn>,
        async sendEvent(name, events) {
          await step.sendEvent(name, events);
        },
      };
      try {
        const result = await job.handler({
          payload: job.payload.parse(payload ?? {}),
          step: jobStep,
          log,
          runId,
        });
        await step.run("job-run-finish", async () => {
          await finishJobRun({ runId, status: "SUCCEEDED", result });
        });
        return result;
      } catch (e) {
        await step.run("job-run-fail", async () => {
          await finishJobRun({ runId, status: "FAILED", error: errorText(e) });
        });
        throw final(e);
      }
    },
  );
}

/** Every function served at /api/inngest, in registry order. */
export const functions = JOBS.map(toFunction);

/** The Inngest function of a registered job. */
export const functionFor = (jobName: string) =>
  functions[JOBS.findIndex((j) => j.name === jobName)];
