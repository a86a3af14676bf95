"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/http/define-action";
import { requestIp } from "@/lib/http/client-ip";
import { portalMandateSignSchema } from "@/lib/bank/portal-mandate-schema";
import { signPortalMandate } from "@/lib/bank/sign-portal-mandate";

export const signMandateAction = defineAction({
  who: "customer",
  schema: portalMandateSignSchema,
  secret: ["accountNumber", "signature.image"],
  handler: async ({ actor, input }) => {
    const r = await signPortalMandate({
      actor,
      customerId: actor.customerId,
      ip: await requestIp(),
      ...input,
    });
    revalidatePath("/portal/payment-methods");
    return r.amended
      ? "Your debit order now collects from the new account. A signed copy of the mandate is on record."
      : "Your debit order is set up. A signed copy of the mandate is on record.";
  },
});
