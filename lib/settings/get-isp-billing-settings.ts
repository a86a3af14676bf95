import { AppError } from "@/lib/errors";
import { can, type Actor } from "@/lib/auth/roles";
import { getSettings } from "./get-settings";
import { pickBillingSettings } from "./billing-settings-schema";

export type GetIspBillingSettingsOptions = { actor: Actor };

/** Currency, time zone, tax behaviour, terms, held drafts and suspension policy. */
export async function getIspBillingSettings({ actor }: GetIspBillingSettingsOptions) {
  if (!can(actor, "billing:read") && !can(actor, "settings:write"))
    throw new AppError("FORBIDDEN", "Your role may not do this (billing:read).");
  return pickBillingSettings(await getSettings());
}
