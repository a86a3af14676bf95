"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/http/define-action";
import { pixSettingsFormSchema } from "@/lib/payments/rails/rail-settings-form-schema";
import { updateRailSettings } from "@/lib/payments/rails/update-rail-settings";

export const savePixSettingsAction = defineAction({
  who: "staff",
  permission: "settings:write",
  schema: pixSettingsFormSchema,
  secret: ["secrets.clientSecret", "secrets.clientKeyPem"],
  handler: async ({ actor, input }) => {
    await updateRailSettings({ actor, input: { pix: input } });
    revalidatePath("/admin/settings/payment-rails");
    return "Pix settings saved.";
  },
});
