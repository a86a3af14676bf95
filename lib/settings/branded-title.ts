// Page titles carry the ISP's name, not the software's: "Check coverage · Boland Fibre". A
// section (back office, portal) puts its own word between page and name.
import type { Metadata } from "next";
import { getBranding } from "./get-branding";

export type BrandedTitleOptions = { section?: string };

export async function brandedTitle(opts: BrandedTitleOptions = {}): Promise<Metadata["title"]> {
  const { name } = await getBranding();
  const suffix = opts.section ? `${opts.section} · ${name}` : name;
  return { default: suffix, template: `%s · ${suffix}` };
}
