"use server";

import { revalidatePath } from "next/cache";
import { checkbox } from "@/lib/http/form-fields";
import { defineAction } from "@/lib/http/define-action";
import { saveTemplateOverride } from "@/lib/notifications/templates/save-template-override";
import { templateOverrideSchema } from "@/lib/notifications/templates/template-schema";

export const saveTemplateAction = defineAction({
  who: "staff",
  permission: "settings:write",
  schema: templateOverrideSchema.extend({ reset: checkbox() }),
  returnTo: "/admin/dunning/templates",
  handler: async ({ actor, input }) => {
    await saveTemplateOverride({ actor, ...input });
    revalidatePath("/admin/dunning/templates");
    return input.reset
      ? "Back to the default wording."
      : "Saved. Messages from now on use this wording.";
  },
});
