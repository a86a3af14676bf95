// The legal pages' editable fields (no database: the admin form imports it).
import { z } from "zod";

export const LEGAL_SLUGS = ["terms", "privacy"] as const;
export type LegalSlug = (typeof LEGAL_SLUGS)[number];

export const legalPageSchema = z.object({
  slug: z.enum(LEGAL_SLUGS),
  title: z.string().trim().min(2, "Enter a title").max(120),
  body: z.string().trim().min(20, "Write the text (at least a sentence)").max(100_000),
});
