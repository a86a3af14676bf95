"use server";

import { z } from "zod";
import { defineAction } from "@/lib/http/define-action";
import { sendSigningLink } from "@/lib/orders/service-requests/send-signing-link";

export const sendSigningLinkAction = defineAction({
  who: "staff",
  permission: "orders:write",
  schema: z.object({ requestId: z.string().min(1).max(64) }),
  handler: async ({ actor, input }) => {
    const { email } = await sendSigningLink({ actor, requestId: input.requestId });
    return `A signing link is on its way to ${email}.`;
  },
});
