"use server";

import { defineAction } from "@/lib/http/define-action";
import { emailChangeSchema } from "@/lib/portal/profile-schema";
import { requestEmailChange } from "@/lib/portal/request-email-change";

export const requestEmailChangeAction = defineAction({
  who: "customer",
  returnTo: "/portal/profile",
  schema: emailChangeSchema,
  handler: async ({ actor, input }) => {
    const { email } = await requestEmailChange({ actor, customerId: actor.customerId, ...input });
    return `We sent a link to ${email}. Your email changes when you follow it.`;
  },
});
