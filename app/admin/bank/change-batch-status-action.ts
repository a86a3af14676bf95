"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { batchTransitionSchema, changeBatchStatus } from "@/lib/bank/change-batch-status";
import { defineAction } from "@/lib/http/define-action";

export const changeBatchStatusAction = defineAction({
  who: "staff",
  permission: "banking:write",
  schema: z.object({ batchId: z.string().min(1).max(64), to: batchTransitionSchema }),
  returnTo: "/admin/bank",
  handler: async ({ actor, input }) => {
    const b = await changeBatchStatus({ actor, batchId: input.batchId, to: input.to });
    revalidatePath("/admin/bank");
    return `Batch ${b.messageId} is ${b.status.toLowerCase().replace("_", " ")}.`;
  },
});
