// The admin form's view of the rail settings: text fields from FormData (blank = unchanged, so a
// secret field left empty keeps the stored secret), a checkbox for enabled. Parsed into the same
// patch the API takes.
import { z } from "zod";
import {
  mpesaConfigSchema,
  mpesaSecretsSchema,
  pixConfigSchema,
  pixSecretsSchema,
} from "./rail-settings-schema";

const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());
const fromForm = <T extends z.ZodObject>(s: T) =>
  z.preprocess(
    (v) =>
      Object.fromEntries(
        Object.entries((v ?? {}) as Record<string, unknown>).map(([k, x]) => [k, blank(x)]),
      ),
    s,
  );

export const pixSettingsFormSchema = z.object({
  enabled: checkbox,
  config: fromForm(
    pixConfigSchema.extend({
      staticOnInvoices: checkbox.optional(),
      boletoHibrido: checkbox.optional(),
      daysPayableAfterDue: z.coerce.number().int().min(0).max(365).optional(),
      expirySeconds: z.coerce.number().int().min(300).max(2_592_000).optional(),
    }),
  ),
  secrets: fromForm(pixSecretsSchema).optional(),
});

export const mpesaSettingsFormSchema = z.object({
  enabled: checkbox,
  config: fromForm(mpesaConfigSchema),
  secrets: fromForm(mpesaSecretsSchema).optional(),
});

export const railFormSchema = z.object({ rail: z.enum(["PIX", "MPESA"]) });
