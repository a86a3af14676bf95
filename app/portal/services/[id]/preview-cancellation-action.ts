"use server";

import { z } from "zod";
import { defineAction } from "@/lib/http/define-action";
import { id } from "@/lib/http/schemas";
import {
  previewCancellation,
  type CancellationPreview,
} from "@/lib/subscriptions/preview-cancellation";

export const previewCancellationAction = defineAction({
  who: "customer",
  schema: z.object({ subscriptionId: id() }),
  handler: async ({ actor, input }): Promise<{ data: CancellationPreview }> => ({
    data: await previewCancellation({ actor, ...input }),
  }),
});
