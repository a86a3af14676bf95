"use server";

import { defineAction } from "@/lib/http/define-action";
import { requestIp } from "@/lib/http/client-ip";
import { contractDraftSchema } from "@/lib/orders/checkout-schema";
import { previewContract } from "@/lib/orders/preview-contract";

export const previewContractAction = defineAction({
  who: "public",
  schema: contractDraftSchema,
  handler: async ({ input }) => ({
    data: await previewContract({ draft: input, ip: await requestIp() }),
  }),
});
