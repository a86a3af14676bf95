import "server-only";
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { getSettings } from "./get-settings";

export type GetEditableSettingsOptions = { actor: Actor };

/** Everything the settings page edits, including the default tax class. */
export async function getEditableSettings({ actor }: GetEditableSettingsOptions) {
  assertCan(actor, "settings:write");
  const settings = await getSettings();
  const tax = await db.taxClass.findFirst({
    where: { isDefault: true },
    select: { name: true, rate: true },
  });
  const demoCustomers = settings.hasDemoData
    ? await db.customer.count({ where: { isDemo: true } })
    : 0;
  return {
    settings,
    taxName: tax?.name.replace(/\s*[\d.]+\s*%$/, "") || "VAT",
    taxRate: tax ? Number(tax.rate) : 0,
    demoCustomers,
  };
}
