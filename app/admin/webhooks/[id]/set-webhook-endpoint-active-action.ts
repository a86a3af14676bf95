"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/http/define-action";
import { setWebhookEndpointActive } from "@/lib/webhooks/set-webhook-endpoint-active";

export const setWebhookEndpointActiveAction = defineAction({
  who: "staff",
  permission: "webhooks:write",
  schema: z.object({ endpointId: z.string().min(1).max(64), active: z.enum(["true", "false"]) }),
  returnTo: "/admin/webhooks",
  handler: async ({ actor, input }) => {
    const active = input.active === "true";
    await setWebhookEndpointActive({ actor, endpointId: input.endpointId, active });
    revalidatePath(`/admin/webhooks/${input.endpointId}`);
    return active ? "Resumed: waiting events go out now." : "Paused: events wait until resumed.";
  },
});
