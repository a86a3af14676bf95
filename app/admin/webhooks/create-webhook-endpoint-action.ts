"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/http/define-action";
import { createWebhookEndpoint } from "@/lib/webhooks/create-webhook-endpoint";

export const createWebhookEndpointAction = defineAction({
  who: "staff",
  permission: "webhooks:write",
  schema: z.object({
    url: z.string().max(500),
    description: z.string().max(200).optional(),
    events: z
      .union([z.string(), z.array(z.string())])
      .optional()
      .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v])),
  }),
  returnTo: "/admin/webhooks",
  handler: async ({ actor, input }) => {
    const { endpoint, secret } = await createWebhookEndpoint({
      actor,
      url: input.url,
      description: input.description,
      events: input.events as never,
    });
    revalidatePath("/admin/webhooks");
    return { message: `Endpoint added: events go to ${endpoint.url}.`, secret };
  },
});
