// "Resync all" (Freeside's sqlradius-reset): rebuilds every FreeRADIUS row we own from our
// state, comparing values too (passwords, replies, group attributes), and reports each
// difference it put right. On demand (Admin → Jobs, POST /api/v1/jobs/radius.resync/run) and
// nightly, so drift shows in the job history even when nobody asks.
import { z } from "zod";
import { SYSTEM } from "@/lib/auth/roles";
import { syncServices } from "@/lib/network/sync-services";
import { summarizeSync } from "@/lib/network/summarize-sync";
import { defineJob } from "../define-job";

export const radiusResync = defineJob({
  name: "radius.resync",
  description: "Rebuild every FreeRADIUS row from subscription state and report the differences",
  payload: z.object({}),
  cron: "30 3 * * *",
  handler: async ({ step }) =>
    step.run("resync", async () =>
      summarizeSync(await syncServices({ actor: SYSTEM, verifyValues: true, reason: "resync" })),
    ),
});
