// Changes the rails' configuration: fields given replace stored ones, secrets are encrypted
// (a null removes one), and a rail can be enabled only when what it needs is there. Audited
// without secret values.
import "server-only";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { encryptSecret } from "@/lib/crypto/encrypt";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { PaymentRail } from "@/lib/generated/prisma/enums";
import { getRailSettings } from "./get-rail-settings";
import { railRow, readSecrets } from "./load-rail";
import type { RailSettingsPatch } from "./rail-settings-schema";

export type UpdateRailSettingsOptions = { actor: Actor; input: RailSettingsPatch };

/** What each rail needs before it may be enabled. */
const REQUIRED: Record<PaymentRail, { config: string[]; secrets: string[] }> = {
  PIX: { config: ["key", "merchantName", "merchantCity"], secrets: [] },
  MPESA: {
    config: ["baseUrl", "shortcode", "consumerKey"],
    secrets: ["consumerSecret", "passkey"],
  },
};

type RailPatch = {
  enabled?: boolean;
  config?: Record<string, unknown>;
  secrets?: Record<string, string | null | undefined>;
};

async function applyPatch(tx: Tx, rail: PaymentRail, patch: RailPatch) {
  const row = await railRow(rail, tx);
  const config = { ...(row.config as Record<string, unknown>), ...patch.config };
  const secrets: Record<string, string> = readSecrets(row.secretsEnc);
  for (const [name, value] of Object.entries(patch.secrets ?? {})) {
    if (value === null) delete secrets[name];
    else if (value !== undefined) secrets[name] = value;
  }
  const enabled = patch.enabled ?? row.enabled;
  const section = rail.toLowerCase();
  if (enabled) {
    const missing = Object.fromEntries([
      ...REQUIRED[rail].config
        .filter((k) => config[k] === undefined)
        .map((k) => [`${section}.config.${k}`, "is required to enable this rail"]),
      ...REQUIRED[rail].secrets
        .filter((k) => !secrets[k])
        .map((k) => [`${section}.secrets.${k}`, "is required to enable this rail"]),
    ]);
    if (Object.keys(missing).length)
      throw new AppError("VALIDATION", `${rail} cannot be enabled yet.`, missing);
  }
  await tx.paymentRailSetting.update({
    where: { rail },
    data: {
      enabled,
      config: config as object,
      secretsEnc: Object.keys(secrets).length ? encryptSecret(JSON.stringify(secrets)) : null,
    },
  });
  return {
    enabled,
    config: Object.keys(patch.config ?? {}),
    secrets: Object.keys(patch.secrets ?? {}),
  };
}

export async function updateRailSettings(opts: UpdateRailSettingsOptions) {
  assertCan(opts.actor, "settings:write");
  return db.$transaction(async (tx) => {
    const changed: Record<string, unknown> = {};
    if (opts.input.pix) changed.pix = await applyPatch(tx, "PIX", opts.input.pix);
    if (opts.input.mpesa) changed.mpesa = await applyPatch(tx, "MPESA", opts.input.mpesa);
    await recordAudit(
      {
        actor: opts.actor,
        action: "settings.payment_rails",
        entityType: "PaymentRailSetting",
        data: changed as object,
      },
      tx,
    );
    return getRailSettings({ actor: opts.actor }, tx);
  });
}
