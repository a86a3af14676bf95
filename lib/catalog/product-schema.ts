// One schema for the catalogue form, the REST API and the service. Money is integer minor
// units; the admin form sends decimal strings ("499.00") that the service converts with the
// ISP's currency, so nobody types cents.
import { z } from "zod";
import Decimal from "decimal.js";
import { stringList } from "@/lib/http/form-fields";

const amount = z.union([
  z.number().int("Use whole minor units (cents)").nonnegative("Cannot be negative"),
  z
    .string()
    .trim()
    .regex(/^\d{1,9}([.,]\d{1,3})?$/, "Enter an amount like 499.00"),
]);
const optionalInt = (max: number) =>
  z.preprocess(
    (v) => (v === "" || v === null ? undefined : v),
    z.coerce.number().int("Whole numbers only").min(0).max(max).optional(),
  );

export const productInputSchema = z
  .object({
    code: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z0-9][A-Z0-9_-]{1,39}$/, "2–40 letters, digits, - or _"),
    name: z.string().trim().min(2, "Enter a name").max(80),
    description: z
      .string()
      .trim()
      .max(400)
      .nullish()
      .transform((v) => v || null),
    kind: z.enum(["PLAN", "ADDON"]),
    technology: z
      .enum(["FIBRE", "WIRELESS", "LTE"])
      .optional()
      .or(z.literal("").transform(() => undefined)),
    downloadMbps: optionalInt(100_000),
    uploadMbps: optionalInt(100_000),
    /** Empty means unlimited. */
    dataCapGb: optionalInt(1_000_000),
    fairUseNote: z
      .string()
      .trim()
      .max(300)
      .nullish()
      .transform((v) => v || null),
    price: amount,
    interval: z.enum(["MONTH", "QUARTER", "YEAR"]).default("MONTH"),
    addonCharge: z.enum(["RECURRING", "ONCE_OFF"]).default("RECURRING"),
    setupFee: z
      .literal("")
      .transform(() => 0)
      .or(amount)
      .default(0),
    contractMonths: z.coerce.number().int().min(0, "Cannot be negative").max(60).default(0),
    earlyTerminationPercent: z.coerce.number().int().min(0).max(100, "At most 100%").default(0),
    taxClassId: z.string().min(1, "Choose a tax class"),
    /** The plan's own tax behaviour (Stripe Price tax_behavior); absent leaves it as it is. */
    taxBehavior: z
      .preprocess(
        (v) => (v === "" ? null : typeof v === "string" ? v.toLowerCase() : v),
        z.enum(["inclusive", "exclusive"]).nullable(),
      )
      .optional()
      .meta({ description: "Overrides the ISP's pricesIncludeTax for this plan; null: the ISP's" }),
    /** Days of notice a period-end cancellation needs; absent leaves it as it is. */
    noticeDays: z.preprocess(
      (v) => (v === "" || v === null ? undefined : v),
      z.coerce.number().int("Whole days").min(0).max(365, "At most 365 days").optional(),
    ),
    sortOrder: z.coerce.number().int().min(0).max(10_000).default(0),
    coverageAreaIds: stringList(),
  })
  .superRefine((p, ctx) => {
    if (p.kind === "PLAN") {
      if (!p.technology)
        ctx.addIssue({
          code: "custom",
          path: ["technology"],
          message: "A plan needs a technology",
        });
      if (!p.downloadMbps)
        ctx.addIssue({
          code: "custom",
          path: ["downloadMbps"],
          message: "Enter the download speed",
        });
      if (!p.uploadMbps)
        ctx.addIssue({ code: "custom", path: ["uploadMbps"], message: "Enter the upload speed" });
    }
  });

export type ProductInput = z.input<typeof productInputSchema>;

/** The edit form: the product's fields and which product. */
export const productUpdateSchema = productInputSchema.safeExtend({ id: z.string().min(1) });

export const productStatusSchema = z.object({
  id: z.string().min(1),
  status: z.enum(["ACTIVE", "RETIRED"]),
});
export type ProductValues = z.output<typeof productInputSchema>;

/** A form/API amount to minor units: integers are already minor, strings are major units. */
export function toMinor(value: number | string, digits: number): number {
  if (typeof value === "number") return value;
  return new Decimal(value.replace(",", "."))
    .mul(new Decimal(10).pow(digits))
    .toDecimalPlaces(0, Decimal.ROUND_HALF_UP)
    .toNumber();
}
