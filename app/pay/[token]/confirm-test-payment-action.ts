"use server";

import { z } from "zod";
import { defineAction } from "@/lib/http/define-action";
import { confirmTestPayment } from "@/lib/payments/stripe/pay-now";

// Only against the local fake Stripe (lib refuses with 404 otherwise): the Payment Element's
// stand-in for tests and the offline demo.
export const confirmTestPaymentAction = defineAction({
  who: "public",
  schema: z.object({ paymentId: z.string().min(1).max(64) }),
  handler: async ({ input }) => ({
    data: await confirmTestPayment({ paymentId: input.paymentId }),
  }),
});
