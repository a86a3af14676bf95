"use server";

import { defineAction } from "@/lib/http/define-action";
import { requestIp } from "@/lib/http/client-ip";
import {
  revealAccountNumber,
  revealAccountNumberSchema,
} from "@/lib/payment-methods/reveal-account-number";

export const revealAccountAction = defineAction({
  who: "staff",
  permission: "customers:read_bank_details",
  returnTo: "/admin/orders",
  schema: revealAccountNumberSchema,
  handler: async ({ actor, input }) => ({
    secret: await revealAccountNumber({ ...input, actor, ip: await requestIp() }),
  }),
});
