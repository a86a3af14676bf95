"use server";

import { z } from "zod";
import { defineAction } from "@/lib/http/define-action";
import { startPayLinkPayment } from "@/lib/payments/stripe/pay-now";

// Public: the signed token is the credential (lib checks signature and expiry).
export const startPayLinkPaymentAction = defineAction({
  who: "public",
  schema: z.object({ token: z.string().min(1).max(1000) }),
  handler: async ({ input }) => ({ data: await startPayLinkPayment({ token: input.token }) }),
});
