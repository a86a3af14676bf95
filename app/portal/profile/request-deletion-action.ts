"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/http/define-action";
import { deletionRequestSchema } from "@/lib/portal/profile-schema";
import { requestAccountDeletion } from "@/lib/portal/request-account-deletion";

export const requestDeletionAction = defineAction({
  who: "customer",
  returnTo: "/portal/profile",
  schema: deletionRequestSchema,
  handler: async ({ actor, input }) => {
    await requestAccountDeletion({ actor, customerId: actor.customerId, ...input });
    revalidatePath("/portal/profile");
    return "Your request has been sent. We will email you when it has been dealt with.";
  },
});
