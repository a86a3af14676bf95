"use server";

import { getWalledGarden } from "@/lib/dunning/get-walled-garden";
import { walledGardenLookupSchema } from "@/lib/dunning/walled-garden-schema";
import { defineAction } from "@/lib/http/define-action";
import { requestIp } from "@/lib/http/client-ip";

export const walledGardenLookupAction = defineAction({
  who: "public",
  schema: walledGardenLookupSchema,
  secret: ["pin"],
  handler: async ({ input }) => ({
    data: await getWalledGarden({ ...input, ip: (await requestIp()) ?? "local" }),
  }),
});
