// reports.snapshot-mrr: writes today's MRR snapshot (lib/reports/snapshot-mrr.ts). Hourly, so
// the day's rows end as the day's last state and a missed hour costs nothing. Idempotent: the
// day's rows are replaced. MRR history exists only from the first snapshot on.
import { z } from "zod";
import { SYSTEM } from "@/lib/auth/roles";
import { defineJob } from "@/lib/jobs/define-job";
import { isoDate } from "@/lib/http/schemas";
import { snapshotMrr } from "@/lib/reports/snapshot-mrr";

export const reportsSnapshotMrr = defineJob({
  name: "reports.snapshot-mrr",
  description: "Snapshot every live subscription's monthly recurring revenue for today",
  payload: z.object({ day: isoDate().optional() }),
  cron: "40 * * * *",
  handler: ({ payload, step }) =>
    step.run("snapshot", () => snapshotMrr({ actor: SYSTEM, day: payload.day })),
});
