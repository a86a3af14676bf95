// auth.rate-limit-cleanup: deletes rate-limit counters whose window has ended (sign-in throttles,
// public forms). Hourly. Idempotent: an expired counter counts nothing, so deleting it late or
// twice changes no decision.
import { z } from "zod";
import { defineJob } from "@/lib/jobs/define-job";
import { deleteExpiredRateLimits } from "@/lib/rate-limit/delete-expired-rate-limits";

export const authRateLimitCleanup = defineJob({
  name: "auth.rate-limit-cleanup",
  description: "Delete rate-limit counters whose window has ended",
  payload: z.object({}),
  cron: "17 * * * *",
  concurrencyKey: "auth.rate-limit-cleanup",
  handler: ({ step }) => step.run("delete-expired", () => deleteExpiredRateLimits()),
});
