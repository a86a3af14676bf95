"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/http/define-action";
import { mpesaSettingsFormSchema } from "@/lib/payments/rails/rail-settings-form-schema";
import { updateRailSettings } from "@/lib/payments/rails/update-rail-settings";

export const saveMpesaSettingsAction = defineAction({
  who: "staff",
  permission: "settings:write",
  schema: mpesaSettingsFormSchema,
  secret: ["secrets.consumerSecret", "secrets.passkey"],
  handler: async ({ actor, input }) => {
    await updateRailSettings({ actor, input: { mpesa: input } });
    revalidatePath("/admin/settings/payment-rails");
    return "M-PESA settings saved.";
  },
});
