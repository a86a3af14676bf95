"use server";

import { z } from "zod";
import { defineAction } from "@/lib/http/define-action";
import { sendPortalPasswordLink } from "@/lib/customers/send-portal-password-link";

export const sendPasswordLinkAction = defineAction({
  who: "staff",
  permission: ["customers:write", "customers:read_financial"],
  returnTo: "/admin/customers",
  schema: z.object({ customerId: z.string().min(1).max(64) }),
  handler: async ({ actor, input }) => {
    const { email } = await sendPortalPasswordLink({ actor, customerId: input.customerId });
    return `A link to set a new password is on its way to ${email}.`;
  },
});
