"use server";

import { defineAction } from "@/lib/http/define-action";
import { registerC2bUrls } from "@/lib/payments/rails/mpesa/register-c2b-urls";
import { registerPixWebhook } from "@/lib/payments/rails/pix/register-pix-webhook";
import { railFormSchema } from "@/lib/payments/rails/rail-settings-form-schema";

export const registerRailCallbacksAction = defineAction({
  who: "staff",
  permission: "settings:write",
  schema: railFormSchema,
  handler: async ({ actor, input }) => {
    if (input.rail === "PIX") await registerPixWebhook({ actor });
    else await registerC2bUrls({ actor });
    return "Registered: the provider now calls this installation back.";
  },
});
