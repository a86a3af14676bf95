"use server";

import { revalidatePath } from "next/cache";
import { plural } from "@/lib/format/plural";
import { defineAction } from "@/lib/http/define-action";
import { settingsSchema } from "@/lib/settings/settings-schema";
import { updateSettings } from "@/lib/settings/update-settings";

export const updateSettingsAction = defineAction({
  who: "staff",
  permission: "settings:write",
  returnTo: "/admin/settings",
  schema: settingsSchema,
  handler: async ({ actor, input }) => {
    const { changed } = await updateSettings({ actor, ...input });
    revalidatePath("/", "layout");
    return changed.length ? `Saved ${plural(changed.length, "change")}.` : "Nothing changed.";
  },
});
