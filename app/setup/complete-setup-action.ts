"use server";

import { redirect } from "next/navigation";
import { defineAction } from "@/lib/http/define-action";
import { createIsp, setupSchema } from "@/lib/setup/create-isp";

export const completeSetupAction = defineAction({
  who: "public",
  schema: setupSchema,
  secret: ["adminPassword"],
  handler: async ({ input }) => {
    await createIsp(input);
    redirect("/signin?callbackUrl=%2Fadmin");
  },
});
