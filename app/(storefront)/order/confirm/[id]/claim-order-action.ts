"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { defineAction } from "@/lib/http/define-action";
import { claimHeldOrder } from "@/lib/orders/claim-held-order";

export const claimOrderAction = defineAction({
  who: "customer",
  schema: z.object({ orderId: z.string().min(1).max(40) }),
  handler: async ({ actor, input }) => {
    await claimHeldOrder({ actor, orderId: input.orderId });
    redirect("/portal/orders");
  },
});
