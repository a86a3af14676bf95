"use server";

import { revalidatePath } from "next/cache";
import { decideArrangement } from "@/lib/dunning/arrangements/decide-arrangement";
import { decisionFormSchema } from "@/lib/dunning/arrangements/arrangement-schema";
import { defineAction } from "@/lib/http/define-action";

export const approveArrangementAction = defineAction({
  who: "staff",
  permission: "billing:charge",
  schema: decisionFormSchema,
  returnTo: "/admin/dunning/arrangements",
  handler: async ({ actor, input }) => {
    await decideArrangement({ actor, ...input, decision: "approve" });
    revalidatePath("/admin/dunning/arrangements");
    revalidatePath(`/admin/customers/${input.customerId}`);
    return "Arrangement approved: dunning pauses while it is kept.";
  },
});
