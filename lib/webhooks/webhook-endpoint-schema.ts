// The endpoint form's fields, shared by the admin form and createWebhookEndpoint.
import { z } from "zod";
import { WEBHOOK_EVENT_TYPES } from "./event-types";

export const webhookEndpointSchema = z.object({
  url: z
    .string()
    .trim()
    .max(500)
    .url("Enter a full URL, e.g. https://example.com/hooks/lastmile")
    .refine((u) => /^https?:\/\//i.test(u), "Use an http(s) URL"),
  description: z
    .string()
    .trim()
    .max(200)
    .optional()
    .transform((v) => v || null),
  events: z
    .array(z.enum(WEBHOOK_EVENT_TYPES))
    .min(1, "Choose at least one event")
    .transform((e) => [...new Set(e)]),
});

export type WebhookEndpointInput = z.input<typeof webhookEndpointSchema>;
