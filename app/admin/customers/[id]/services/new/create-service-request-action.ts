"use server";

import { redirect } from "next/navigation";
import { defineAction } from "@/lib/http/define-action";
import { createServiceRequestSchema } from "@/lib/orders/service-requests/service-request-schema";
import { createServiceRequest } from "@/lib/orders/service-requests/create-service-request";

export const createServiceRequestAction = defineAction({
  who: "staff",
  permission: "orders:write",
  schema: createServiceRequestSchema,
  secret: ["payment.accountNumber"],
  handler: async ({ actor, input }) => {
    const { id } = await createServiceRequest({ actor, ...input });
    redirect(
      input.signing === "IN_PERSON"
        ? `/admin/orders/requests/${id}/sign`
        : `/admin/customers/${input.customerId}?service_request=sent`,
    );
  },
});
