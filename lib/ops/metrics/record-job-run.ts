// The job runners report every finished run here (the job registry calls it beside writing its
// JobRun row), so Prometheus sees runs, durations and failures per job whichever engine ran them.
import { metrics } from "./registry";

export type JobRunRecord = {
  /** The job's registry name, e.g. `billing.run`. */
  name: string;
  status: "succeeded" | "failed";
  durationMs: number;
  /** When the run finished; defaults to the moment of the call. */
  finishedAt?: Date;
};

export function recordJobRun(run: JobRunRecord): void {
  const m = metrics();
  m.jobRuns.inc({ job: run.name, status: run.status });
  m.jobDuration.observe({ job: run.name }, run.durationMs / 1000);
  if (run.status === "succeeded") {
    // Wall-clock time, not the business clock: monitoring compares it with its own now.
    m.jobLastSuccess.set({ job: run.name }, (run.finishedAt ?? new Date()).getTime() / 1000);
  }
}
