// The embedded runner: runs a job definition in this process. Steps run inline (their results
// pass through JSON, as on Inngest, so both engines hand handlers the same values); sendEvent
// publishes in-process through lib/events/publish.ts; runs with the same concurrency key never
// overlap (PostgreSQL advisory lock). Every run is recorded as a JobRun. A run that finds the
// lock taken is recorded as SKIPPED: the run holding it sweeps the same state.
import type { JobRunTrigger } from "@/lib/generated/prisma/enums";
import { publish } from "@/lib/events/publish";
import { logger } from "@/lib/log";
import { syncClock } from "@/lib/time/sync-clock";
import { withAdvisoryLock } from "./advisory-lock";
import { concurrencyKeyOf, type AnyJob, type JobStep } from "./define-job";
import { errorText, finishJobRun, startJobRun, type JobRunOutcome } from "./record-job-run";

const plainJson = <T>(value: T): T =>
  value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);

export type RunJobOptions = {
  job: AnyJob;
  /** Parsed with the job's payload schema (a ZodError for a bad one, before anything runs). */
  payload: unknown;
  trigger: JobRunTrigger;
};

export async function runJob(opts: RunJobOptions): Promise<JobRunOutcome> {
  const { job, trigger } = opts;
  const payload = job.payload.parse(opts.payload ?? {});
  const key = concurrencyKeyOf(job);
  const locked = await withAdvisoryLock(key, async () => {
    await syncClock(); // another instance may have moved the sandbox clock
    const runId = await startJobRun({ jobName: job.name, trigger, payload });
    const log = logger.child({ job: job.name, runId });
    const step: JobStep = {
      async run(name, fn) {
        log.debug({ step: name }, "step");
        return plainJson(await fn());
      },
      async sendEvent(name, events) {
        log.debug({ step: name, events: events.length }, "send events");
        for (const event of events) await publish(event);
      },
    };
    log.debug({ trigger }, "job started");
    try {
      const result = plainJson(await job.handler({ payload, step, log, runId }));
      const outcome = await finishJobRun({ runId, status: "SUCCEEDED", result });
      log.info({ result }, "job succeeded");
      return outcome;
    } catch (e) {
      log.error({ err: e }, "job failed");
      return finishJobRun({ runId, status: "FAILED", error: errorText(e) });
    }
  });
  if (locked.acquired) return locked.value;
  const error = `another run holding "${key}" is in progress`;
  const runId = await startJobRun({
    jobName: job.name,
    trigger,
    payload,
    status: "SKIPPED",
    error,
  });
  logger.child({ job: job.name, runId }).info(error);
  return { runId, status: "SKIPPED", result: null, error };
}
