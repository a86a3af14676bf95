"use server";

import { revalidatePath } from "next/cache";
import { holdDunning } from "@/lib/dunning/hold-dunning";
import { holdFormSchema } from "@/lib/dunning/policy-form-schema";
import { defineAction } from "@/lib/http/define-action";

export const holdDunningAction = defineAction({
  who: "staff",
  permission: "billing:charge",
  schema: holdFormSchema,
  returnTo: "/admin/customers",
  handler: async ({ actor, input }) => {
    const d = await holdDunning({ actor, ...input });
    revalidatePath(`/admin/customers/${input.customerId}`);
    return d.holdUntil ? `Dunning paused until ${d.holdUntil}.` : "Dunning hold lifted.";
  },
});
