"use server";

import { revalidatePath } from "next/cache";
import { updateDunningPolicy } from "@/lib/dunning/update-dunning-policy";
import { policyFormSchema } from "@/lib/dunning/policy-form-schema";
import { defineAction } from "@/lib/http/define-action";

export const updatePolicyAction = defineAction({
  who: "staff",
  permission: "settings:write",
  schema: policyFormSchema,
  returnTo: "/admin/dunning/policy",
  handler: async ({ actor, input }) => {
    await updateDunningPolicy({ actor, ...input });
    revalidatePath("/admin/dunning");
    return "Policy saved. The next hourly sweep and the simulator use it.";
  },
});
