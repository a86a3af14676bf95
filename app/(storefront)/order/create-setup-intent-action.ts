"use server";

import { defineAction } from "@/lib/http/define-action";
import { requestIp } from "@/lib/http/client-ip";
import {
  createSetupIntent,
  createSetupIntentSchema,
} from "@/lib/payment-methods/create-setup-intent";

export const createSetupIntentAction = defineAction({
  who: "public",
  schema: createSetupIntentSchema,
  handler: async ({ input }) => ({
    data: await createSetupIntent({ ...input, ip: (await requestIp()) ?? "local" }),
  }),
});
