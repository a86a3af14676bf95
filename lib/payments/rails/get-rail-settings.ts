// The payment rails as the settings API and admin page show them: configuration, which secrets
// are set (never their values) and the callback URLs to register at each provider.
import "server-only";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { db, type Tx } from "@/lib/db";
import { darajaUrls, pixWebhookUrl } from "./callback-urls";
import { loadMpesa, loadPix, pixIsDynamic } from "./load-rail";
import type { RailSettingsView } from "./rail-settings-schema";

export type GetRailSettingsOptions = { actor: Actor };

export async function getRailSettings(
  opts: GetRailSettingsOptions,
  tx: Tx = db,
): Promise<RailSettingsView> {
  assertCan(opts.actor, "settings:write");
  const [pix, mpesa] = [await loadPix(tx), await loadMpesa(tx)];
  return {
    pix: {
      enabled: pix.enabled,
      config: pix.config,
      secrets: {
        clientSecret: Boolean(pix.secrets.clientSecret),
        clientCertPem: Boolean(pix.secrets.clientCertPem),
        clientKeyPem: Boolean(pix.secrets.clientKeyPem),
      },
      webhookUrl: pixWebhookUrl(pix.callbackToken),
      dynamic: pixIsDynamic(pix),
    },
    mpesa: {
      enabled: mpesa.enabled,
      config: mpesa.config,
      secrets: {
        consumerSecret: Boolean(mpesa.secrets.consumerSecret),
        passkey: Boolean(mpesa.secrets.passkey),
        securityCredential: Boolean(mpesa.secrets.securityCredential),
      },
      ...darajaUrls(mpesa.callbackToken),
    },
  };
}
