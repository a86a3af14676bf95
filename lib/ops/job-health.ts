// How the jobs are doing, for readiness and the admin System page: one entry per registered job
// with its latest run and last success.
//
// INTEGRATION POINT — deliberately empty on this branch. The job registry and its JobRun table
// (name, status, startedAt, finishedAt, durationMs) are built on another branch; the integrator
// wires them in here, and only here: read each registered job's latest JobRun and latest
// successful one, and set `ok` false when the latest run failed or the last success is older
// than the job's schedule allows. Readiness, /api/ready and /admin/system already show whatever
// this returns. With no runs recorded there is nothing to report, which counts as healthy.
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
  return [];
}
