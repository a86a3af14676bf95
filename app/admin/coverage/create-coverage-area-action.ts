"use server";

import { redirect } from "next/navigation";
import { coverageAreaInputSchema } from "@/lib/coverage/coverage-area-schema";
import { createCoverageArea } from "@/lib/coverage/create-coverage-area";
import { defineAction } from "@/lib/http/define-action";

export const createCoverageAreaAction = defineAction({
  who: "staff",
  permission: "coverage:write",
  returnTo: "/admin/coverage",
  schema: coverageAreaInputSchema,
  handler: async ({ actor, input }) => {
    await createCoverageArea({ input, actor });
    redirect("/admin/coverage?saved=1");
  },
});
