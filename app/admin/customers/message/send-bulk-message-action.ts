"use server";

import { z } from "zod";
import { defineAction } from "@/lib/http/define-action";
import { bulkMessageSchema } from "@/lib/customers/bulk-message-schema";
import { sendBulkMessage } from "@/lib/customers/send-bulk-message";

export const sendBulkMessageAction = defineAction({
  who: "staff",
  permission: "customers:write",
  returnTo: "/admin/customers",
  // The form's batch id makes a double-submit queue each message once.
  schema: bulkMessageSchema.extend({ batchId: z.uuid() }),
  handler: async ({ actor, input }) => {
    const { queued, skipped } = await sendBulkMessage({ actor, ...input });
    return `Queued ${queued.toLocaleString("en")} emails. They go out with the next mail run.${skipped ? ` ${skipped.toLocaleString("en")} customers without marketing consent were left out.` : ""}`;
  },
});
