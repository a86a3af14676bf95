"use server";

import { z } from "zod";
import { defineAction } from "@/lib/http/define-action";
import { requestIp } from "@/lib/http/client-ip";
import { signServiceRequestSchema } from "@/lib/orders/service-requests/service-request-schema";
import { signServiceRequest } from "@/lib/orders/service-requests/sign-service-request";

/** The customer signs through the emailed link: the token is the only credential. */
export const signByLinkAction = defineAction({
  who: "public",
  schema: signServiceRequestSchema.extend({ token: z.string().min(20).max(100) }),
  secret: ["signature.image", "token"],
  handler: async ({ input }) => {
    const placed = await signServiceRequest({
      token: input.token,
      signature: input.signature,
      ip: await requestIp(),
    });
    return { data: { orderNumber: placed.orderNumber, activated: placed.activated } };
  },
});
