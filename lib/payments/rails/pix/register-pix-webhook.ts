// Registers our webhook for the ISP's Pix key at the PSP (`PUT /webhook/{chave}`); the PSP then
// posts every Pix received on that key to `{webhookUrl}/pix`; with Pix Automático set up, also
// `PUT /webhookrec` and `/webhookcobr` (→ `{webhookUrl}/rec`, `/cobr`). Audited.
import "server-only";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import { pixWebhookUrl } from "../callback-urls";
import { loadPix, pixIsDynamic } from "../load-rail";
import { pixAutomaticoOffered } from "./automatico/pix-automatico-offered";
import { pixApiClient } from "./pix-api-client";

export type RegisterPixWebhookOptions = { actor: Actor };

export async function registerPixWebhook(opts: RegisterPixWebhookOptions) {
  assertCan(opts.actor, "settings:write");
  const pix = await loadPix();
  if (!pix.enabled || !pixIsDynamic(pix) || !pix.config.key)
    throw new AppError(
      "CONFLICT",
      "Set up the PSP (URL, client, certificate) and the Pix key first.",
    );
  const client = pixApiClient(pix);
  await client.putWebhook(pix.config.key, pixWebhookUrl(pix.callbackToken));
  if (pixAutomaticoOffered(pix))
    await client.putRecurrenceWebhooks(pixWebhookUrl(pix.callbackToken));
  await recordAudit({ actor: opts.actor, action: "settings.pix_register_webhook" });
  return { registered: true };
}
