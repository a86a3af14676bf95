// Keeps FreeRADIUS's rows in line with subscription state and tells the NAS about open sessions
// whose access changed (CoA or Disconnect). On `subscriptions/subscription.changed` for that one
// service; every five minutes (or with an empty payload) as a sweep over every service, which
// also catches changes the billing run applied (plan changes and cancellations that fall due).
// Idempotent: a service whose rows already match is left alone and its sessions are not touched.
import { z } from "zod";
import { SYSTEM } from "@/lib/auth/roles";
import { subscriptionChanged } from "@/lib/events/events";
import { syncServices } from "@/lib/network/sync-services";
import { summarizeSync } from "@/lib/network/summarize-sync";
import { defineJob } from "../define-job";

export const radiusSync = defineJob({
  name: "radius.sync",
  description: "Provision changed services in FreeRADIUS and send CoA/Disconnect to their sessions",
  payload: z.object({
    subscriptionId: z.string().min(1).optional(),
    change: subscriptionChanged.schema.shape.change.optional(),
  }),
  cron: "*/5 * * * *",
  events: [subscriptionChanged.name],
  concurrencyLimit: 4,
  handler: async ({ payload, step }) => {
    const report = await step.run("sync", async () =>
      summarizeSync(
        await syncServices({
          actor: SYSTEM,
          subscriptionIds: payload.subscriptionId ? [payload.subscriptionId] : undefined,
          reason: payload.change ?? "sync",
          // A changed password is a value, not a membership: compare it row by row.
          verifyValues: payload.change === "credentials",
        }),
      ),
    );
    return report;
  },
});
