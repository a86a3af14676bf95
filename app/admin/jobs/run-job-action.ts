"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/http/define-action";
import { runJobNow } from "@/lib/jobs/run-job-now";

export const runJobAction = defineAction({
  who: "staff",
  permission: "jobs:run",
  schema: z.object({ name: z.string().min(1) }),
  returnTo: "/admin/jobs",
  handler: async ({ actor, input }) => {
    const run = await runJobNow({ actor, name: input.name, trigger: "manual" });
    revalidatePath("/admin/jobs");
    if (run.queued)
      return `${input.name} was handed to Inngest; its outcome appears here when it has run.`;
    if (run.status === "FAILED") return `${input.name} failed: ${run.error}`;
    if (run.status === "SKIPPED") return `${input.name} was skipped: ${run.error}`;
    return `${input.name} finished: ${JSON.stringify(run.result)}`;
  },
});
