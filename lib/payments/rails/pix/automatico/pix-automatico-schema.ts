// What a customer (or staff for them) asks for when authorising Pix Automático, and the bodies
// the PSP posts to `{webhookUrl}/rec` and `{webhookUrl}/cobr` (Pix API WebhookRecBody,
// WebhookCobRBody). No database imports: forms and the API document read these.
import { z } from "zod";
import { text } from "@/lib/http/schemas";

/** `RecBase.calendario.periodicidade`. */
export const PIX_PERIODICITIES = ["SEMANAL", "MENSAL", "TRIMESTRAL", "SEMESTRAL", "ANUAL"] as const;
export type PixPeriodicity = (typeof PIX_PERIODICITIES)[number];

export const authorizePixAutomaticoSchema = z.object({
  /** The most one collection may take, in centavos. */
  maxAmount: z.coerce
    .number()
    .int("whole centavos")
    .min(100, "at least R$ 1,00")
    .max(100_000_000, "at most R$ 1.000.000,00"),
  periodicity: z.enum(PIX_PERIODICITIES).default("MENSAL"),
});
export type AuthorizePixAutomaticoInput = z.infer<typeof authorizePixAutomaticoSchema>;

/** The portal form: the cap in reais as people type it ("250", "250,00" or "250.00"). */
export const authorizePixAutomaticoFormSchema = z.object({
  maxReais: z
    .string()
    .trim()
    .regex(/^\d{1,7}([.,]\d{1,2})?$/, "an amount like 250,00")
    .transform((v) => {
      const [whole, frac = ""] = v.split(/[.,]/);
      return Number(whole) * 100 + Number(frac.padEnd(2, "0"));
    })
    .pipe(z.number().int().min(100, "at least R$ 1,00")),
  periodicity: z.enum(PIX_PERIODICITIES).default("MENSAL"),
});

const recId = () => text().regex(/^[a-zA-Z0-9]{29}$/, "a 29-character idRec");
const txid = () => text().regex(/^[a-zA-Z0-9]{26,35}$/, "a 26–35 character txid");

export const recWebhookSchema = z
  .object({
    recs: z
      .array(
        z
          .object({
            idRec: recId(),
            status: z.enum(["CRIADA", "APROVADA", "REJEITADA", "EXPIRADA", "CANCELADA"]),
          })
          .passthrough(),
      )
      .min(1)
      .max(1000),
  })
  .meta({ id: "PixRecWebhook" });
export type RecWebhook = z.infer<typeof recWebhookSchema>;

export const cobrWebhookSchema = z
  .object({
    cobsr: z
      .array(
        z
          .object({
            idRec: recId(),
            txid: txid(),
            status: z.enum(["CRIADA", "ATIVA", "CONCLUIDA", "EXPIRADA", "REJEITADA", "CANCELADA"]),
          })
          .passthrough(),
      )
      .min(1)
      .max(1000),
  })
  .meta({ id: "PixCobRWebhook" });
export type CobRWebhook = z.infer<typeof cobrWebhookSchema>;
