// Registers our C2B validation and confirmation URLs for the paybill with Daraja (once per
// shortcode; again after the ISP's APP_URL or callback token changes). Audited.
import "server-only";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import { now } from "@/lib/time/clock";
import { darajaUrls } from "../callback-urls";
import { loadMpesa } from "../load-rail";
import { darajaClient } from "./daraja-client";

export type RegisterC2bUrlsOptions = { actor: Actor };

export async function registerC2bUrls(opts: RegisterC2bUrlsOptions) {
  assertCan(opts.actor, "settings:write");
  const mpesa = await loadMpesa();
  if (!mpesa.enabled) throw new AppError("CONFLICT", "M-PESA is not enabled.");
  const urls = darajaUrls(mpesa.callbackToken);
  await darajaClient(mpesa, now).registerC2bUrls({
    validation: urls.c2bValidationUrl,
    confirmation: urls.c2bConfirmationUrl,
  });
  await recordAudit({ actor: opts.actor, action: "settings.mpesa_register_c2b" });
  return { registered: true };
}
