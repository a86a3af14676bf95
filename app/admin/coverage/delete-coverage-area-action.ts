"use server";

import { redirect } from "next/navigation";
import { coverageAreaIdSchema } from "@/lib/coverage/coverage-area-schema";
import { deleteCoverageArea } from "@/lib/coverage/delete-coverage-area";
import { defineAction } from "@/lib/http/define-action";

export const deleteCoverageAreaAction = defineAction({
  who: "staff",
  permission: "coverage:write",
  returnTo: "/admin/coverage",
  schema: coverageAreaIdSchema,
  handler: async ({ actor, input }) => {
    await deleteCoverageArea({ ...input, actor });
    redirect("/admin/coverage?deleted=1");
  },
});
