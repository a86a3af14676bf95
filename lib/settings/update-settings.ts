import "server-only";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { parseMoneyInput } from "@/lib/money/parse-money";
import { getSettings } from "./get-settings";
import { settingsSchema, type SettingsInput } from "./settings-schema";

export type UpdateSettingsOptions = { actor: Actor } & SettingsInput;

/** Saves the settings form; the audit row lists each changed field with its old and new value. */
export async function updateSettings({ actor, ...input }: UpdateSettingsOptions) {
  assertCan(actor, "settings:write");
  const { taxName, taxRate, bankReturnFee, ...fields } = settingsSchema.parse(input);
  return db.$transaction(async (tx) => {
    const before = await getSettings(tx);
    const data = {
      ...fields,
      ...(bankReturnFee !== undefined && {
        bankReturnFee: bankReturnFee
          ? parseMoneyInput(bankReturnFee, before.currency, "bankReturnFee")
          : 0,
      }),
    };
    const diff: Record<string, { from: unknown; to: unknown }> = {};
    for (const [k, v] of Object.entries(data)) {
      const old = before[k as keyof typeof before] ?? null;
      // JSON: list settings (retry days, methods) are new arrays on every save.
      if (v !== undefined && JSON.stringify(old) !== JSON.stringify(v ?? null))
        diff[k] = { from: old, to: v ?? null };
    }
    const standard = await tx.taxClass.findFirst({
      where: { isDefault: true },
      select: { id: true, name: true, rate: true },
    });
    const standardName = `${taxName} ${taxRate}%`;
    if (standard && (Number(standard.rate) !== taxRate || standard.name !== standardName)) {
      diff.taxRate = { from: `${standard.name}`, to: standardName };
      await tx.taxClass.update({
        where: { id: standard.id },
        data: { rate: taxRate, name: standardName },
      });
      await tx.taxClass.updateMany({ where: { code: "ZERO" }, data: { name: `${taxName} 0%` } });
    }
    if (Object.keys(diff).length === 0) return { changed: [] as string[] };
    await tx.ispSettings.update({ where: { id: 1 }, data });
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
    return { changed: Object.keys(diff) };
  });
}
