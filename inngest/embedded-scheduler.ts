// Runs the schedule inside the app process when no Inngest server is configured. A PostgreSQL
// advisory lock per job keeps it to one runner even if several app instances share a database.
import { Cron } from "croner";
import pg from "pg";
import { onEvent } from "@/lib/events/publish";
import { syncClock } from "@/lib/time/sync-clock";
import { SCHEDULE, type ScheduledJob } from "./schedule";

function lockKey(id: string): number {
  let h = 0;
  for (const c of `lastmile:${id}`) h = (Math.imul(h, 31) + c.charCodeAt(0)) | 0;
  return h;
}

export function startEmbeddedScheduler(databaseUrl: string, log: (m: string) => void) {
  const running = new Set<string>();
  const client = new pg.Client({ connectionString: databaseUrl });
  const ready = client.connect();

  async function runLocked(job: ScheduledJob) {
    if (running.has(job.id)) return; // the run in progress will see the new state
    running.add(job.id);
    try {
      await ready;
      const key = lockKey(job.id);
      const { rows } = await client.query<{ ok: boolean }>(
        "SELECT pg_try_advisory_lock($1) AS ok",
        [key],
      );
      if (!rows[0].ok) return;
      try {
        await syncClock(); // another instance may have moved the sandbox clock
        await job.run();
      } finally {
        await client.query("SELECT pg_advisory_unlock($1)", [key]);
      }
    } catch (e) {
      log(`job ${job.id} failed: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      running.delete(job.id);
    }
  }

  const crons = SCHEDULE.map(
    (job) => new Cron(job.cron, { protect: true, timezone: "UTC" }, () => runLocked(job)),
  );
  const unsubscribe = onEvent((event) => {
    for (const job of SCHEDULE) if (job.events?.includes(event.name)) void runLocked(job);
  });

  return async function stop() {
    unsubscribe();
    for (const c of crons) c.stop();
    await client.end().catch(() => {});
  };
}
