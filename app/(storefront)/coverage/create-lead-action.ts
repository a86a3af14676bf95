"use server";

import { defineAction } from "@/lib/http/define-action";
import { requestIp } from "@/lib/http/client-ip";
import { createLead } from "@/lib/leads/create-lead";
import { leadInputSchema } from "@/lib/leads/lead-schema";

export const createLeadAction = defineAction({
  who: "public",
  schema: leadInputSchema,
  handler: async ({ input }) => {
    const { planned } = await createLead({ input, ip: (await requestIp()) ?? "local" });
    return planned
      ? "Thanks! We are building in your area and will let you know the day it goes live."
      : "Thanks! We will let you know as soon as we reach your address.";
  },
});
