"use server";

import { revalidatePath } from "next/cache";
import { buildCollection } from "@/lib/bank/build-collection";
import { z } from "zod";
import { collectionFormatSchema, createBatchSchema } from "@/lib/bank/collection-schema";
import { defineAction } from "@/lib/http/define-action";

export const createBatchAction = defineAction({
  who: "staff",
  permission: "banking:write",
  // The form's "As in settings" sends an empty format.
  schema: createBatchSchema.extend({
    format: z.preprocess((v) => (v === "" ? undefined : v), collectionFormatSchema.optional()),
  }),
  returnTo: "/admin/bank",
  handler: async ({ actor, input }) => {
    const { batch } = await buildCollection({ actor, ...input });
    revalidatePath("/admin/bank");
    return `Batch ${batch!.messageId}: ${batch!.itemCount} debits. Download its file to send it.`;
  },
});
