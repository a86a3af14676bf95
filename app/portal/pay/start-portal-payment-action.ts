"use server";

import { z } from "zod";
import { defineAction } from "@/lib/http/define-action";
import { startPortalPayment } from "@/lib/payments/stripe/pay-now";

export const startPortalPaymentAction = defineAction({
  who: "customer",
  schema: z.object({ invoiceId: z.string().max(64).optional() }),
  handler: async ({ actor, input }) => ({
    data: await startPortalPayment({
      actor,
      customerId: actor.customerId,
      invoiceId: input.invoiceId,
    }),
  }),
});
