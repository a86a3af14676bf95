// How the jobs are doing, for readiness and the admin System page: one entry per registered job
// with its latest run and last success (from the JobRun history both runners write). A job whose
// latest run failed is not ok; a job that never ran yet has nothing to report and counts as ok.
import "server-only";
import { db } from "@/lib/db";
import { JOBS } from "@/lib/jobs/registry";

export type JobHealth = {
  /** The job's registry name, e.g. `billing.run`. */
  name: string;
  ok: boolean;
  lastStatus: string | null;
  lastRunAt: Date | null;
  lastSuccessAt: Date | null;
  /** Why `ok` is false, in a sentence an operator can act on. */
  problem?: string;
};

export async function jobHealth(): Promise<JobHealth[]> {
  const byLatest = [{ jobName: "asc" as const }, { startedAt: "desc" as const }];
  const [latest, succeeded] = await Promise.all([
    db.jobRun.findMany({
      where: { status: { not: "SKIPPED" } },
      distinct: ["jobName"],
      orderBy: byLatest,
      select: { jobName: true, status: true, startedAt: true, error: true },
    }),
    db.jobRun.findMany({
      where: { status: "SUCCEEDED" },
      distinct: ["jobName"],
      orderBy: byLatest,
      select: { jobName: true, finishedAt: true },
    }),
  ]);
  return JOBS.map((job) => {
    const last = latest.find((r) => r.jobName === job.name);
    const success = succeeded.find((r) => r.jobName === job.name);
    const failed = last?.status === "FAILED";
    return {
      name: job.name,
      ok: !failed,
      lastStatus: last?.status ?? null,
      lastRunAt: last?.startedAt ?? null,
      lastSuccessAt: success?.finishedAt ?? null,
      ...(failed && {
        problem: `The latest run failed: ${last.error ?? "no error recorded"}. Admin → Jobs runs it again.`,
      }),
    };
  });
}
