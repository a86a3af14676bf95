// bank.build-collection: builds the automatic collection batch for the collection day that lies
// the pre-notification period ahead (lib/bank/run-scheduled-collection.ts). Hourly; idempotent
// through the batch's autoKey, so a repeat, a late run or the other runner builds nothing new.
import { z } from "zod";
import { runScheduledCollection } from "@/lib/bank/run-scheduled-collection";
import { defineJob } from "../define-job";

export const bankBuildCollection = defineJob({
  name: "bank.build-collection",
  description: "Build the debit-order collection batch for the next collection day",
  payload: z.object({}),
  cron: "20 * * * *",
  handler: async ({ step }) => {
    const result = await step.run("build", () => runScheduledCollection());
    if ("batchId" in result && result.created && result.batchId)
      await step.sendEvent("built", [
        { name: "bank/collection.built", data: { batchId: result.batchId } },
      ]);
    return result;
  },
});
