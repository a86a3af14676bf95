"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/http/define-action";
import { legalPageSchema } from "@/lib/settings/legal-page-schema";
import { updateLegalPage } from "@/lib/settings/update-legal-page";

export const updateLegalPageAction = defineAction({
  who: "staff",
  permission: "settings:write",
  returnTo: "/admin/settings",
  schema: legalPageSchema,
  handler: async ({ actor, input }) => {
    const page = await updateLegalPage({ actor, ...input });
    revalidatePath(`/${page.slug}`);
    return `Saved. The public page is /${page.slug}.`;
  },
});
