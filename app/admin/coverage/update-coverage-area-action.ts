"use server";

import { redirect } from "next/navigation";
import { coverageAreaUpdateSchema } from "@/lib/coverage/coverage-area-schema";
import { updateCoverageArea } from "@/lib/coverage/update-coverage-area";
import { defineAction } from "@/lib/http/define-action";

export const updateCoverageAreaAction = defineAction({
  who: "staff",
  permission: "coverage:write",
  returnTo: "/admin/coverage",
  schema: coverageAreaUpdateSchema,
  handler: async ({ actor, input: { id, ...input } }) => {
    await updateCoverageArea({ id, input, actor });
    redirect("/admin/coverage?saved=1");
  },
});
