// One Inngest function per scheduled sweep, so the Inngest dashboard shows each on its own. The
// job's events trigger it too, so work happens as soon as it is asked for, not on the next tick.
import { cron } from "inngest";
import { inngest } from "../client";
import { SCHEDULE } from "../schedule";

export const scheduledJobs = SCHEDULE.filter((job) => !job.embeddedOnly).map((job) =>
  inngest.createFunction(
    {
      id: job.id,
      name: job.description,
      triggers: [cron(job.cron), ...(job.events ?? []).map((event) => ({ event }))],
      concurrency: { limit: 1 },
    },
    async ({ step }) => step.run(job.id, () => job.run()),
  ),
);
