// How the ISP configures its payment rails, as the API and the admin form read and patch them.
// Non-secret configuration is returned as stored; secrets are write-only: the reading side only
// says which are set. No database imports: the API document is generated from these schemas.
import { z } from "zod";
import { text } from "@/lib/http/schemas";

const url = () =>
  text()
    .max(500)
    .pipe(z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }));
const pem = (what: string) =>
  text()
    .max(20_000)
    .refine((s) => s.includes("-----BEGIN "), `must be a PEM ${what}`);

export const pixConfigSchema = z
  .object({
    /** The receiving Pix key (CPF/CNPJ, e-mail, +55 phone or random key). */
    key: text().trim().min(1).max(77),
    merchantName: text().trim().min(1).max(25),
    merchantCity: text().trim().min(1).max(15),
    /** Print a static BR Code with the amount and invoice reference on every invoice. */
    staticOnInvoices: z.boolean(),
    /** The PSP's Pix API base URL (…/v2), for dynamic charges; without it only static codes. */
    pspBaseUrl: url(),
    /** The PSP's OAuth2 token endpoint (client credentials over mTLS). */
    tokenUrl: url(),
    clientId: text().trim().min(1).max(200),
    /** The PSP's CA when its certificates are not publicly trusted (sandbox PSPs). */
    caCertPem: pem("certificate"),
    /** Pix Automático: the ISP's account the PSP credits recurring charges to (`cobr.recebedor`). */
    receiverAccount: text()
      .trim()
      .regex(/^\d{1,20}$/, "up to 20 digits"),
    receiverBranch: text()
      .trim()
      .regex(/^\d{1,4}$/, "up to 4 digits"),
    receiverAccountType: z.enum(["CORRENTE", "POUPANCA", "PAGAMENTO"]),
    /**
     * Boleto híbrido: every open BRL invoice also gets a Pix charge with its due date (`cobv`),
     * shown with the invoice; the fine and monthly interest below apply after that date.
     */
    boletoHibrido: z.boolean(),
    /** `cobv` multa: percent of the amount, once, after the due date (Brazil caps it at 2%). */
    finePercent: text()
      .trim()
      .regex(/^\d{1,2}\.\d{2}$/, "a percentage like 2.00"),
    /** `cobv` juros: percent per month, calendar days, after the due date. */
    interestMonthlyPercent: text()
      .trim()
      .regex(/^\d{1,2}\.\d{2}$/, "a percentage like 1.00"),
    /** `cobv` validadeAposVencimento: days the charge can still be paid after its due date. */
    daysPayableAfterDue: z.number().int().min(0).max(365),
    /** Lifetime of a dynamic charge, seconds. */
    expirySeconds: z
      .number()
      .int()
      .min(300)
      .max(30 * 86_400),
  })
  .partial()
  .strict();
export type PixConfig = z.infer<typeof pixConfigSchema>;

export const pixSecretsSchema = z
  .object({
    clientSecret: text().min(1).max(500),
    /** The mTLS client certificate and its private key the PSP issued. */
    clientCertPem: pem("certificate"),
    clientKeyPem: pem("private key"),
  })
  .partial()
  .strict();

export const mpesaConfigSchema = z
  .object({
    /** https://api.safaricom.co.ke in production, https://sandbox.safaricom.co.ke to test. */
    baseUrl: url(),
    /** The paybill (or till) number customers pay to. */
    shortcode: text()
      .trim()
      .regex(/^\d{5,7}$/, "a 5–7 digit shortcode"),
    consumerKey: text().trim().min(1).max(200),
    /** The API operator (initiator) allowed to reverse transactions; reversals need it. */
    initiatorName: text().trim().min(1).max(100),
  })
  .partial()
  .strict();
export type MpesaConfig = z.infer<typeof mpesaConfigSchema>;

export const mpesaSecretsSchema = z
  .object({
    consumerSecret: text().min(1).max(200),
    /** The Lipa na M-PESA Online passkey (STK push). */
    passkey: text().min(1).max(200),
    /** The initiator's password encrypted with Safaricom's certificate (reversals). */
    securityCredential: text().min(1).max(2000),
  })
  .partial()
  .strict();

/** Secrets in a patch: a new value, or null to remove it. */
const pixSecretsPatchSchema = z
  .object({
    clientSecret: pixSecretsSchema.shape.clientSecret.unwrap().nullable().optional(),
    clientCertPem: pixSecretsSchema.shape.clientCertPem.unwrap().nullable().optional(),
    clientKeyPem: pixSecretsSchema.shape.clientKeyPem.unwrap().nullable().optional(),
  })
  .strict();
const mpesaSecretsPatchSchema = z
  .object({
    consumerSecret: mpesaSecretsSchema.shape.consumerSecret.unwrap().nullable().optional(),
    passkey: mpesaSecretsSchema.shape.passkey.unwrap().nullable().optional(),
    securityCredential: mpesaSecretsSchema.shape.securityCredential.unwrap().nullable().optional(),
  })
  .strict();
export type PixSecrets = z.infer<typeof pixSecretsSchema>;
export type MpesaSecrets = z.infer<typeof mpesaSecretsSchema>;

export const railSettingsPatchSchema = z
  .object({
    pix: z
      .object({
        enabled: z.boolean().optional(),
        config: pixConfigSchema.optional(),
        secrets: pixSecretsPatchSchema.optional(),
      })
      .strict()
      .optional(),
    mpesa: z
      .object({
        enabled: z.boolean().optional(),
        config: mpesaConfigSchema.optional(),
        secrets: mpesaSecretsPatchSchema.optional(),
      })
      .strict()
      .optional(),
  })
  .strict()
  .meta({ id: "PaymentRailsPatch" });
export type RailSettingsPatch = z.infer<typeof railSettingsPatchSchema>;

export const railSettingsSchema = z
  .object({
    pix: z.object({
      enabled: z.boolean(),
      config: pixConfigSchema.strip(),
      /** Which secrets are set (their values are never returned). */
      secrets: z.object({
        clientSecret: z.boolean(),
        clientCertPem: z.boolean(),
        clientKeyPem: z.boolean(),
      }),
      /** Register this as the Pix key's webhook at the PSP (it appends /pix). */
      webhookUrl: z.string(),
      /** Dynamic charges are possible: PSP URL, token URL, client id, secret, cert and key set. */
      dynamic: z.boolean(),
    }),
    mpesa: z.object({
      enabled: z.boolean(),
      config: mpesaConfigSchema.strip(),
      secrets: z.object({
        consumerSecret: z.boolean(),
        passkey: z.boolean(),
        securityCredential: z.boolean(),
      }),
      /** Daraja posts reversal results here. */
      reversalResultUrl: z.string(),
      stkCallbackUrl: z.string(),
      c2bValidationUrl: z.string(),
      c2bConfirmationUrl: z.string(),
    }),
  })
  .meta({ id: "PaymentRails" });
export type RailSettingsView = z.infer<typeof railSettingsSchema>;
