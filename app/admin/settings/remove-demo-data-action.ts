"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/http/define-action";
import { removeDemoData, removeDemoDataSchema } from "@/lib/settings/remove-demo-data";

export const removeDemoDataAction = defineAction({
  who: "staff",
  permission: "settings:write",
  returnTo: "/admin/settings",
  schema: removeDemoDataSchema,
  handler: async ({ actor }) => {
    const { customers } = await removeDemoData({ actor });
    revalidatePath("/", "layout");
    // The demo card disappears with the data, so the confirmation travels in the URL.
    redirect(`/admin/settings?demoRemoved=${customers}`);
  },
});
