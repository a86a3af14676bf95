// dunning.sweep: every hour, takes the dunning steps that have come due for the hour (messages
// only outside quiet hours, suspensions only on allowed days before the cut-off, both in the
// customer's time zone). Idempotent: each (account, step, invoice) is a unique history row taken
// with its side effects in one transaction, so a repeated, late or concurrent run sends and
// charges nothing twice.
import { z } from "zod";
import { runDunningSweep } from "@/lib/dunning/run-dunning-sweep";
import { subscriptionChanged } from "@/lib/events/events";
import { defineJob } from "../define-job";

export const dunningSweep = defineJob({
  name: "dunning.sweep",
  description: "Take the dunning steps due this hour (reminders, fees, suspensions)",
  payload: z.object({ customerIds: z.array(z.string().min(1).max(64)).max(1000).optional() }),
  cron: "7 * * * *",
  handler: async ({ payload, step }) => {
    const result = await step.run("sweep", () =>
      runDunningSweep({ customerIds: payload.customerIds }),
    );
    // The network throttles or cuts off the services (lib/network follows this event).
    if (result.serviceChanges.length)
      await step.sendEvent(
        "announce-services",
        result.serviceChanges.map((data) => ({ name: subscriptionChanged.name, data })),
      );
    return { accounts: result.accounts, steps: result.steps };
  },
});
