"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/http/define-action";
import { retryWebhookDelivery } from "@/lib/webhooks/retry-webhook-delivery";

export const retryWebhookDeliveryAction = defineAction({
  who: "staff",
  permission: "webhooks:write",
  schema: z.object({ deliveryId: z.string().min(1).max(64), endpointId: z.string().max(64) }),
  returnTo: "/admin/webhooks",
  handler: async ({ actor, input }) => {
    await retryWebhookDelivery({ actor, deliveryId: input.deliveryId });
    revalidatePath(`/admin/webhooks/${input.endpointId}`);
    return "Queued: it goes out within a minute.";
  },
});
