"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { defineAction } from "@/lib/http/define-action";
import { confirmEmailChange } from "@/lib/portal/confirm-email-change";

export const confirmEmailAction = defineAction({
  who: "customer",
  returnTo: "/portal/profile",
  schema: z.object({ token: z.string().min(1).max(1000) }),
  secret: ["token"],
  handler: async ({ actor, input }) => {
    await confirmEmailChange({ actor, token: input.token });
    redirect("/portal/profile?email=changed");
  },
});
