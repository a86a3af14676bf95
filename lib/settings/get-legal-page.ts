// The terms of service or privacy notice as the public sees them: the text saved in Admin →
// Settings, or a default naming the ISP until one is saved.
import "server-only";
import { db } from "@/lib/db";
import { getSettings } from "./get-settings";
import type { LegalSlug } from "./legal-page-schema";

const DEFAULTS: Record<LegalSlug, (isp: string) => { title: string; body: string }> = {
  terms: (isp) => ({
    title: "Terms of service",
    body: `These terms apply to every service ${isp} provides. The agreement you sign when you order sets out your plan, its price, the minimum term and any early-termination fee.\n\n# Billing\nServices are billed in advance for each billing period. Plan upgrades take effect at once and are prorated; downgrades take effect at the end of the billing period.\n\n# Cancellation\nYou may cancel at any time from your account. The service ends at the end of the billing period your notice reaches; inside a minimum term an early-termination fee may apply, and it is shown before you confirm.\n\n# Contact\nContact ${isp} with any question about these terms.`,
  }),
  privacy: (isp) => ({
    title: "Privacy notice",
    body: `${isp} processes your personal information to provide, bill and support your service, as the Protection of Personal Information Act (POPIA) and the GDPR allow.\n\n# What we keep\nYour contact details, service addresses, orders, signed agreements, invoices, payments and the messages we send you.\n\n# Your rights\nYou can see and download everything we hold about you, correct it, and ask for it to be deleted, from your account's profile page. Invoices, credit notes and payment records are kept for as long as tax law requires.\n\n# Marketing\nWe send news and offers only if you agreed to them, and you can stop them at any time.`,
  }),
};

export type GetLegalPageOptions = { slug: LegalSlug };

export async function getLegalPage({ slug }: GetLegalPageOptions) {
  const row = await db.legalPage.findUnique({
    where: { slug },
    select: { title: true, body: true, updatedAt: true },
  });
  if (row) return { slug, ...row, isDefault: false };
  const { name } = await getSettings();
  return { slug, ...DEFAULTS[slug](name), updatedAt: null, isDefault: true };
}
