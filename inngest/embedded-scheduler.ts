// Runs the registered jobs inside the app process when no Inngest server is configured: croner
// fires each job's cron (UTC), in-process events (lib/events/publish.ts) start the jobs that
// listen to them, and lib/jobs/run-job.ts runs the same definitions the Inngest functions run,
// under a PostgreSQL advisory lock per concurrency key so several app instances sharing a
// database still run each job once at a time.
import { Cron } from "croner";
import type { JobRunTrigger } from "@/lib/generated/prisma/enums";
import { onEvent } from "@/lib/events/publish";
import type { AnyJob } from "@/lib/jobs/define-job";
import { JOBS } from "@/lib/jobs/registry";
import { runJob } from "@/lib/jobs/run-job";
import { logger } from "@/lib/log";

const STOP_GRACE_MS = 10_000;

export function startEmbeddedScheduler(): () => Promise<void> {
  const log = logger.child({ component: "embedded-scheduler" });
  // Jobs running in this process, and whether something asked for them again meanwhile. Events
  // arrive in bursts (one per invoice of a billing batch): while a job runs they are folded into
  // one follow-up run with an empty payload, which every job treats as "sweep everything".
  const active = new Map<string, { again: boolean; done: Promise<void> }>();

  function dispatch(job: AnyJob, payload: unknown, trigger: JobRunTrigger) {
    const current = active.get(job.name);
    if (current) {
      current.again = true;
      return;
    }
    const state = { again: false, done: Promise.resolve() };
    state.done = (async () => {
      let next: { payload: unknown; trigger: JobRunTrigger } | null = { payload, trigger };
      while (next) {
        await runJob({ job, ...next }).catch((e: unknown) =>
          log.error({ err: e, job: job.name }, "job could not start"),
        );
        next = state.again ? { payload: {}, trigger: "event" } : null;
        state.again = false;
      }
      active.delete(job.name);
    })();
    active.set(job.name, state);
  }

  const crons = JOBS.filter((job) => job.cron).map(
    (job) =>
      new Cron(job.cron!, { protect: true, timezone: "UTC" }, () => dispatch(job, {}, "cron")),
  );
  const unsubscribe = onEvent((event) => {
    for (const job of JOBS)
      if (job.events?.includes(event.name)) dispatch(job, event.data, "event");
  });
  log.info({ jobs: JOBS.map((job) => job.name) }, "embedded scheduler started");

  return async function stop() {
    unsubscribe();
    for (const c of crons) c.stop();
    // Let running jobs finish their batch; a job cut short is picked up again on the next start.
    const running = [...active.values()].map((s) => s.done);
    await Promise.race([
      Promise.allSettled(running),
      new Promise((resolve) => setTimeout(resolve, STOP_GRACE_MS).unref()),
    ]);
  };
}
