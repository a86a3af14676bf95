"use server";

import { redirect } from "next/navigation";
import { importCoverageFile, importCoverageFormSchema } from "@/lib/coverage/import-coverage-file";
import { defineAction } from "@/lib/http/define-action";

export const importCoverageAction = defineAction({
  who: "staff",
  permission: "coverage:write",
  returnTo: "/admin/coverage",
  schema: importCoverageFormSchema,
  handler: async ({ actor, input: { file, ...defaults } }) => {
    const { created } = await importCoverageFile({
      filename: file.name,
      text: await file.text(),
      defaults,
      actor,
    });
    redirect(`/admin/coverage?imported=${created}`);
  },
});
