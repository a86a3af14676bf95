"use server";

import { z } from "zod";
import { defineAction } from "@/lib/http/define-action";
import { finishPayNow } from "@/lib/payments/stripe/pay-now";

// Public: it only records what Stripe says about an intent we created.
export const finishPayNowAction = defineAction({
  who: "public",
  schema: z.object({ intentId: z.string().min(1).max(255) }),
  handler: async ({ input }) => ({ data: await finishPayNow({ intentId: input.intentId }) }),
});
