import { scheduledJobs } from "./scheduled-jobs";

/** Every function served at /api/inngest. */
export const functions = [...scheduledJobs];
