"use server";

import { revalidatePath } from "next/cache";
import { updateArrangementPolicy } from "@/lib/dunning/arrangements/update-arrangement-policy";
import { arrangementPolicyFormSchema } from "@/lib/dunning/arrangements/arrangement-schema";
import { defineAction } from "@/lib/http/define-action";

export const updateArrangementPolicyAction = defineAction({
  who: "staff",
  permission: "settings:write",
  schema: arrangementPolicyFormSchema,
  returnTo: "/admin/dunning/policy",
  handler: async ({ actor, input }) => {
    await updateArrangementPolicy({ actor, ...input });
    revalidatePath("/admin/dunning/policy");
    return "Arrangement rules saved. New proposals are checked against them.";
  },
});
