"use server";

import { defineAction } from "@/lib/http/define-action";
import { railFormSchema } from "@/lib/payments/rails/rail-settings-form-schema";
import { testRailConnection } from "@/lib/payments/rails/test-rail-connection";

export const testRailConnectionAction = defineAction({
  who: "staff",
  permission: "settings:write",
  schema: railFormSchema,
  handler: async ({ actor, input }) => {
    await testRailConnection({ actor, rail: input.rail });
    return "Connected: the provider issued an access token with these credentials.";
  },
});
