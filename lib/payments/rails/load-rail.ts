// A rail's stored settings with its secrets decrypted, for the code that talks to the provider.
// Nothing here is returned to a client: get-rail-settings.ts shows only which secrets are set.
import "server-only";
import { randomBytes } from "node:crypto";
import { db, type Tx } from "@/lib/db";
import { decryptSecret } from "@/lib/crypto/encrypt";
import type { PaymentRail } from "@/lib/generated/prisma/enums";
import {
  mpesaConfigSchema,
  pixConfigSchema,
  type MpesaConfig,
  type MpesaSecrets,
  type PixConfig,
  type PixSecrets,
} from "./rail-settings-schema";

type Loaded<C, S> = { enabled: boolean; config: C; secrets: S; callbackToken: string };
export type LoadedPix = Loaded<PixConfig, PixSecrets>;
export type LoadedMpesa = Loaded<MpesaConfig, MpesaSecrets>;

/** The row, created (disabled, with a fresh callback token) the first time anyone asks. */
export async function railRow(rail: PaymentRail, tx: Tx = db) {
  return tx.paymentRailSetting.upsert({
    where: { rail },
    create: { rail, callbackToken: randomBytes(24).toString("base64url") },
    update: {},
  });
}

export const readSecrets = (sealed: string | null): Record<string, string> =>
  sealed ? (JSON.parse(decryptSecret(sealed)) as Record<string, string>) : {};

export async function loadPix(tx: Tx = db): Promise<LoadedPix> {
  const row = await railRow("PIX", tx);
  return {
    enabled: row.enabled,
    config: pixConfigSchema.strip().parse(row.config),
    secrets: readSecrets(row.secretsEnc),
    callbackToken: row.callbackToken,
  };
}

export async function loadMpesa(tx: Tx = db): Promise<LoadedMpesa> {
  const row = await railRow("MPESA", tx);
  return {
    enabled: row.enabled,
    config: mpesaConfigSchema.strip().parse(row.config),
    secrets: readSecrets(row.secretsEnc),
    callbackToken: row.callbackToken,
  };
}

/** Dynamic Pix charges need the whole PSP set-up, not just a key. */
export const pixIsDynamic = (p: LoadedPix) =>
  Boolean(
    p.config.pspBaseUrl &&
    p.config.tokenUrl &&
    p.config.clientId &&
    p.secrets.clientSecret &&
    p.secrets.clientCertPem &&
    p.secrets.clientKeyPem,
  );
