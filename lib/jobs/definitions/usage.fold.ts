// Accounting to usage every five minutes: first closes sessions silent for three interim
// intervals (stale), then folds radacct into per-service daily usage. Idempotent: each session
// only adds what its totals grew by since the last fold. Then checks data caps (80 %/100 %
// notices, fair use, blocks, overage of ended months: lib/usage/check-usage-caps.ts).
import { z } from "zod";
import { closeStaleSessions } from "@/lib/network/close-stale-sessions";
import { checkUsageCaps } from "@/lib/usage/check-usage-caps";
import { foldUsage } from "@/lib/usage/fold-usage";
import { defineJob } from "../define-job";

export const usageFold = defineJob({
  name: "usage.fold",
  description: "Close stale RADIUS sessions and fold accounting into daily usage per service",
  payload: z.object({}),
  cron: "*/5 * * * *",
  handler: async ({ step }) => {
    const stale = await step.run("close-stale", () => closeStaleSessions());
    const folded = await step.run("fold", () => foldUsage());
    const caps = await step.run("check-caps", () => checkUsageCaps());
    return { staleClosed: stale.closed, ...folded, caps };
  },
});
