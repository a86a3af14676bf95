// Patches the ISP's billing settings. The currency can change only while no customer is billed in
// another one (customers, invoices and ledger entries carry their currency for good).
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { getSettings } from "./get-settings";
import {
  billingSettingsPatchSchema,
  pickBillingSettings,
  type BillingSettingsPatch,
} from "./billing-settings-schema";

export type UpdateIspBillingSettingsOptions = { actor: Actor; input: BillingSettingsPatch };

export async function updateIspBillingSettings({ actor, input }: UpdateIspBillingSettingsOptions) {
  assertCan(actor, "settings:write");
  const patch = billingSettingsPatchSchema.parse(input);
  return db.$transaction(async (tx) => {
    const before = await getSettings(tx);
    const diff: Record<string, { from: unknown; to: unknown }> = {};
    for (const [k, v] of Object.entries(patch)) {
      const old = before[k as keyof typeof patch];
      if (v !== undefined && v !== old) diff[k] = { from: old, to: v };
    }
    if (
      diff.currency &&
      (await tx.customer.count({ where: { currency: { not: patch.currency } } }))
    )
      throw new AppError("CONFLICT", "Customers are already billed in another currency.", {
        currency: "customers exist in another currency",
      });
    if (!Object.keys(diff).length) return pickBillingSettings(before);
    const after = await tx.ispSettings.update({ where: { id: 1 }, data: patch });
    await recordAudit(
      {
        actor,
        action: "settings.update",
        entityType: "IspSettings",
        entityId: "1",
        data: diff as never,
      },
      tx,
    );
    return pickBillingSettings(after);
  });
}
