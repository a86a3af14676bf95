// The settings form's fields, shared by the page (defaults) and updateSettings (validation).
import { electronicFormatIBAN, isValidBIC, isValidIBAN } from "ibantools";
import { z } from "zod";
import { collectionFormatSchema } from "@/lib/bank/collection-schema";
import { checkbox } from "@/lib/http/form-fields";

const optional = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .optional();

const validTimeZone = (tz: string) =>
  tz === "UTC" || Intl.supportedValuesOf("timeZone").includes(tz);
const validLocale = (l: string) => {
  try {
    return Intl.getCanonicalLocales(l).length === 1;
  } catch {
    return false;
  }
};

/** "0, 3, 7" → [0, 3, 7]: days after the first card attempt an unpaid invoice is charged again. */
export const retryDaysSchema = z
  .union([z.string().max(100), z.array(z.number())])
  .transform((v) =>
    Array.isArray(v)
      ? v
      : v
          .split(",")
          .map((d) => d.trim())
          .filter(Boolean)
          .map(Number),
  )
  .pipe(
    z
      .array(z.number().int("Whole days").min(0, "0 to 60").max(60, "0 to 60"))
      .min(1, "At least the first attempt, e.g. 0")
      .max(10, "At most 10 attempts")
      .refine(
        (d) => d[0] === 0 && d.every((x, i) => i === 0 || x > d[i - 1]),
        "Start at 0 and increase, e.g. 0, 3, 7",
      ),
  );

/** "1, 15" → "1,15": days of the month collections are taken on (1–28, so every month has them). */
export const collectionDaysSchema = z
  .string()
  .max(100)
  .transform((v) =>
    v
      .split(",")
      .map((d) => d.trim())
      .filter(Boolean),
  )
  .pipe(
    z
      .array(
        z
          .string()
          .regex(/^\d{1,2}$/, "Days of the month, e.g. 1, 15")
          .transform(Number)
          .pipe(z.number().min(1, "Days 1 to 28").max(28, "Days 1 to 28")),
      )
      .max(28)
      .refine((d) => new Set(d).size === d.length, "Each day once"),
  )
  .transform((d) => [...d].sort((a, b) => a - b).join(","));

/** Stripe Payment Element methods besides cards: "sepa_debit, boleto, pix", or "automatic". */
export const stripeMethodTypesSchema = z
  .union([z.string().max(200), z.array(z.string())])
  .transform((v) =>
    Array.isArray(v)
      ? v
      : v
          .split(",")
          .map((d) => d.trim())
          .filter(Boolean),
  )
  .pipe(
    z.array(z.string().regex(/^[a-z_]{2,40}$/, "Stripe method names, e.g. sepa_debit")).max(20),
  );

export const settingsSchema = z.object({
  // The business
  name: z.string().trim().min(2, "Enter the trading name").max(120),
  legalName: optional(160),
  taxNumber: optional(40),
  registrationNumber: optional(40),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .email("Enter a valid email")
    .or(z.literal(""))
    .transform((v) => v || null)
    .nullable()
    .optional(),
  phone: optional(40),
  website: z
    .string()
    .trim()
    .url("Enter a full address, e.g. https://example.com")
    .or(z.literal(""))
    .transform((v) => v || null)
    .nullable()
    .optional(),
  addressLine1: optional(120),
  addressLine2: optional(120),
  city: optional(80),
  postalCode: optional(20),
  region: optional(80),
  country: z.string().trim().length(2, "Two-letter country code").toUpperCase(),
  timeZone: z.string().refine(validTimeZone, "Unknown time zone"),
  locale: z.string().trim().refine(validLocale, "Use a locale like en-ZA"),
  // Branding
  logoUrl: z
    .string()
    .trim()
    .max(500)
    .refine(
      (v) => v === "" || v.startsWith("/") || /^https:\/\//.test(v),
      "Use https://… or a path under public/, e.g. /brand/logo.png",
    )
    .transform((v) => v || null)
    .nullable()
    .optional(),
  brandColor: z
    .string()
    .trim()
    .regex(/^#[0-9a-fA-F]{6}$/, "Use a colour like #0f766e"),
  // Tax
  taxName: z.string().trim().min(1, "Enter the tax's name, e.g. VAT").max(20),
  taxRate: z.coerce
    .number({ message: "Enter a percentage" })
    .min(0, "0 to 100")
    .max(100, "0 to 100"),
  pricesIncludeTax: checkbox(),
  // Billing
  cycleMode: z.enum(["ANNIVERSARY", "CALENDAR"]),
  paymentTermsDays: z.coerce
    .number()
    .int("Whole days")
    .min(0, "0 to 90 days")
    .max(90, "0 to 90 days"),
  suspensionBilling: z.enum(["CONTINUE", "SKIP"]),
  allowImmediateCancel: checkbox(),
  invoiceHoldHours: z.coerce
    .number()
    .int("Whole hours")
    .min(0, "0 to 168 hours")
    .max(168, "0 to 168 hours"),
  billingHour: z.coerce.number().int("A whole hour").min(0, "0 to 23").max(23, "0 to 23"),
  requireIdNumber: checkbox(),
  applyCreditToNewInvoices: checkbox(),
  // Card payments (Stripe)
  // Optional: a form or API client that does not send them keeps what is set.
  autoPayOn: z.enum(["FINALIZED", "DUE_DATE"]).optional(),
  paymentRetryDays: retryDaysSchema.optional(),
  stripePaymentMethodTypes: stripeMethodTypesSchema.optional(),
  // Bank (printed on invoices; the creditor id signs SEPA direct debits)
  bankName: optional(80),
  bankAccountName: optional(120),
  bankAccountNumber: optional(40),
  bankBranchCode: optional(20),
  bankIban: z
    .string()
    .trim()
    .transform((v) => electronicFormatIBAN(v) ?? "")
    .refine((v) => v === "" || isValidIBAN(v), "Not a valid IBAN")
    .transform((v) => v || null)
    .nullable()
    .optional(),
  bankBic: z
    .string()
    .trim()
    .toUpperCase()
    .refine((v) => v === "" || isValidBIC(v), "Not a valid BIC")
    .transform((v) => v || null)
    .nullable()
    .optional(),
  creditorId: optional(40),
  // Debit-order collections (lib/bank)
  bankCollectionFormat: collectionFormatSchema.optional(),
  bankUseFrst: checkbox(),
  bankCollectionDays: collectionDaysSchema.optional(),
  bankCollectMode: z.enum(["DUE_DATE", "AFTER_ISSUE"]).optional(),
  bankCollectAfterDays: z.coerce
    .number()
    .int("Whole days")
    .min(0, "0 to 90 days")
    .max(90, "0 to 90 days")
    .optional(),
  bankPrenotifyDays: z.coerce
    .number()
    .int("Whole days")
    .min(0, "0 to 30 days")
    .max(30, "0 to 30 days")
    .optional(),
  bankRetryInsufficientFunds: checkbox(),
  /** Major units as typed ("25.00"); updateSettings converts it in the ISP's currency. */
  bankReturnFee: z.string().trim().max(20).optional(),
});

export type SettingsInput = z.input<typeof settingsSchema>;
