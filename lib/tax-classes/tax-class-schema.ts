// A tax class as the API takes and returns it. The rate is a percentage with up to four decimals
// (TaxClass.rate is numeric(7,4)): give it as a decimal string ("15", "7.5") or in basis points
// (1500 = 15 %), never as a float.
import Decimal from "decimal.js";
import { z } from "zod";

export const taxClassInputSchema = z
  .object({
    name: z.string().trim().min(1).max(60),
    /** Optional: derived from the name when absent. */
    code: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z0-9][A-Z0-9_-]{0,29}$/, "1–30 letters, digits, - or _")
      .optional(),
    rate: z
      .string()
      .trim()
      .regex(/^\d{1,3}(\.\d{1,4})?$/, "A percentage like 15 or 7.5")
      .optional(),
    rateBasisPoints: z.number().int().min(0).max(10_000).optional(),
    isDefault: z.boolean().default(false),
  })
  .superRefine((v, ctx) => {
    if ((v.rate === undefined) === (v.rateBasisPoints === undefined))
      ctx.addIssue({ code: "custom", path: ["rate"], message: "Give rate or rateBasisPoints" });
    else if (v.rate !== undefined && new Decimal(v.rate).gt(100))
      ctx.addIssue({ code: "custom", path: ["rate"], message: "At most 100" });
  });
export type TaxClassInput = z.input<typeof taxClassInputSchema>;

export const taxClassSchema = z
  .object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    rate: z.string().meta({ description: "Percent", examples: ["15"] }),
    rateBasisPoints: z.number(),
    isDefault: z.boolean(),
  })
  .meta({ id: "TaxClass" });

export function serializeTaxClass(t: {
  id: string;
  code: string;
  name: string;
  rate: { toString(): string };
  isDefault: boolean;
}): z.infer<typeof taxClassSchema> {
  const rate = new Decimal(t.rate.toString());
  return {
    id: t.id,
    code: t.code,
    name: t.name,
    rate: rate.toString(),
    rateBasisPoints: rate.mul(100).toNumber(),
    isDefault: t.isDefault,
  };
}
