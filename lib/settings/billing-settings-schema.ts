// The ISP's billing settings as the API reads and patches them (the admin settings form edits the
// same columns with the rest of the settings).
import { z } from "zod";

const validTimeZone = (tz: string) =>
  tz === "UTC" || Intl.supportedValuesOf("timeZone").includes(tz);

export const billingSettingsSchema = z
  .object({
    currency: z.string().meta({ examples: ["ZAR"] }),
    timeZone: z.string().meta({ examples: ["Africa/Johannesburg"] }),
    pricesIncludeTax: z.boolean(),
    paymentTermsDays: z.number().int(),
    invoiceHoldHours: z.number().int(),
    suspensionBilling: z.enum(["CONTINUE", "SKIP"]),
    cycleMode: z.enum(["ANNIVERSARY", "CALENDAR"]),
    allowImmediateCancel: z.boolean(),
    billingHour: z.number().int(),
  })
  .meta({ id: "BillingSettings" });
export type BillingSettingsView = z.infer<typeof billingSettingsSchema>;

export const billingSettingsPatchSchema = z
  .object({
    currency: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{3}$/, "A three-letter ISO currency code"),
    timeZone: z.string().refine(validTimeZone, "Unknown time zone"),
    pricesIncludeTax: z.boolean(),
    paymentTermsDays: z.number().int().min(0).max(90),
    invoiceHoldHours: z.number().int().min(0).max(168),
    suspensionBilling: z.enum(["CONTINUE", "SKIP"]),
    cycleMode: z.enum(["ANNIVERSARY", "CALENDAR"]),
    allowImmediateCancel: z.boolean(),
    billingHour: z.number().int().min(0).max(23),
  })
  .partial()
  .strict();
export type BillingSettingsPatch = z.input<typeof billingSettingsPatchSchema>;

export function pickBillingSettings(s: BillingSettingsView): BillingSettingsView {
  return {
    currency: s.currency,
    timeZone: s.timeZone,
    pricesIncludeTax: s.pricesIncludeTax,
    paymentTermsDays: s.paymentTermsDays,
    invoiceHoldHours: s.invoiceHoldHours,
    suspensionBilling: s.suspensionBilling,
    cycleMode: s.cycleMode,
    allowImmediateCancel: s.allowImmediateCancel,
    billingHour: s.billingHour,
  };
}
