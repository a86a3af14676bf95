"use server";

import { z } from "zod";
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/http/define-action";
import { cancelServiceRequest } from "@/lib/orders/service-requests/cancel-service-request";

export const cancelServiceRequestAction = defineAction({
  who: "staff",
  permission: "orders:write",
  schema: z.object({ requestId: z.string().min(1).max(64) }),
  handler: async ({ actor, input }) => {
    const { customerId } = await cancelServiceRequest({ actor, requestId: input.requestId });
    revalidatePath(`/admin/customers/${customerId}`);
    return "Cancelled: the signing link no longer works.";
  },
});
