"use server";

import { z } from "zod";
import { defineAction } from "@/lib/http/define-action";
import { requestIp } from "@/lib/http/client-ip";
import { signServiceRequestSchema } from "@/lib/orders/service-requests/service-request-schema";
import { signServiceRequest } from "@/lib/orders/service-requests/sign-service-request";

/** The customer signs on the staff member's screen; the staff session is recorded beside it. */
export const signServiceRequestAction = defineAction({
  who: "staff",
  permission: "orders:write",
  schema: signServiceRequestSchema.extend({ requestId: z.string().min(1).max(64) }),
  secret: ["signature.image"],
  handler: async ({ actor, input }) => {
    const placed = await signServiceRequest({
      actor,
      requestId: input.requestId,
      signature: input.signature,
      ip: await requestIp(),
    });
    return { data: { orderNumber: placed.orderNumber, activated: placed.activated } };
  },
});
