"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { defineAction } from "@/lib/http/define-action";
import { deleteWebhookEndpoint } from "@/lib/webhooks/delete-webhook-endpoint";

export const deleteWebhookEndpointAction = defineAction({
  who: "staff",
  permission: "webhooks:write",
  schema: z.object({ endpointId: z.string().min(1).max(64) }),
  returnTo: "/admin/webhooks",
  handler: async ({ actor, input }) => {
    await deleteWebhookEndpoint({ actor, endpointId: input.endpointId });
    revalidatePath("/admin/webhooks");
    redirect("/admin/webhooks");
  },
});
