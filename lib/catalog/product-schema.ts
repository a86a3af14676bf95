// One schema for the catalogue form, the REST API and the service. Money is integer minor
// units; the admin form sends decimal strings ("499.00") that the service converts with the
// ISP's currency, so nobody types cents.
import { z } from "zod";
import Decimal from "decimal.js";
import { checkbox, stringList } from "@/lib/http/form-fields";

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
    /** At 100 % of the cap (lib/usage/RULES.md); customers are told at 80 % and 100 % always. */
    capAction: z
      .preprocess(
        (v) => (v === "" || v === null ? undefined : v),
        z.enum(["NOTIFY", "THROTTLE", "BLOCK", "BILL_OVERAGE"]).default("NOTIFY"),
      )
      .meta({ description: "What happens when the month's data cap is used up" }),
    fupDownloadMbps: optionalInt(100_000),
    fupUploadMbps: optionalInt(100_000),
    /** BILL_OVERAGE: price per GB beyond the cap (minor units, or "15.00" from the form). */
    overagePerGb: z.preprocess((v) => (v === "" || v === null ? undefined : v), amount.optional()),
    uncountedFromHour: optionalInt(23),
    uncountedToHour: optionalInt(23),
    capRollover: checkbox(),
    topUpGb: optionalInt(100_000),
    topUpPrice: z.preprocess((v) => (v === "" || v === null ? undefined : v), amount.optional()),
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
      if (p.capAction !== "NOTIFY" && !p.dataCapGb)
        ctx.addIssue({
          code: "custom",
          path: ["dataCapGb"],
          message: "Enter the cap this acts on",
        });
      if (p.capAction === "BILL_OVERAGE" && p.overagePerGb === undefined)
        ctx.addIssue({ code: "custom", path: ["overagePerGb"], message: "Enter the price per GB" });
      if ((p.fupDownloadMbps === undefined) !== (p.fupUploadMbps === undefined))
        ctx.addIssue({
          code: "custom",
          path: ["fupUploadMbps"],
          message: "Enter both fair-use speeds or neither",
        });
      if ((p.uncountedFromHour === undefined) !== (p.uncountedToHour === undefined))
        ctx.addIssue({
          code: "custom",
          path: ["uncountedToHour"],
          message: "Enter both hours or neither",
        });
      if ((p.topUpGb === undefined) !== (p.topUpPrice === undefined))
        ctx.addIssue({
          code: "custom",
          path: ["topUpPrice"],
          message: "Enter the top-up's GB and price",
        });
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
