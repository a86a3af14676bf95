// Every way an invoice can be paid now, as GET /invoices/{id}/pay-options, the portal and the
// walled-garden page list them. No database imports (the API document is built from it).
import { z } from "zod";

export const payOptionSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("PIX_STATIC"),
    copiaECola: z.string().meta({ description: "The BR Code text; the QR encodes the same" }),
    txid: z.string(),
  }),
  z.object({
    kind: z.literal("BOLETO_HIBRIDO"),
    copiaECola: z.string().meta({
      description: "The Pix charge with due date (cobv) of the boleto híbrido; the QR encodes it",
    }),
    location: z.string().nullable().meta({ description: "The PSP's payload location (QR URL)" }),
    txid: z.string(),
    dueDate: z.iso.date().meta({ description: "The due date; fine and interest apply after it" }),
  }),
  z.object({
    kind: z.literal("PIX_CHARGE"),
    description: z.string(),
    copiaECola: z
      .string()
      .nullable()
      .meta({ description: "The open dynamic charge's code, if one was created" }),
  }),
  z.object({
    kind: z.literal("MPESA_STK"),
    description: z.string(),
    amountShillings: z.int(),
  }),
  z.object({
    kind: z.literal("MPESA_PAYBILL"),
    paybill: z.string(),
    accountNumber: z.string(),
  }),
  z.object({ kind: z.literal("PAY_LINK"), url: z.string() }),
  z.object({
    kind: z.literal("BANK_TRANSFER"),
    bankName: z.string().nullable(),
    accountName: z.string().nullable(),
    accountNumber: z.string().nullable(),
    branchCode: z.string().nullable(),
    iban: z.string().nullable(),
    bic: z.string().nullable(),
    reference: z.string(),
  }),
  z.object({
    kind: z.literal("DEBIT_ORDER"),
    date: z.iso.date().meta({ description: "When the debit order collects (the due date)" }),
    accountLast4: z.string(),
  }),
]);
export type PayOption = z.infer<typeof payOptionSchema>;

export const payOptionsSchema = z
  .object({
    invoiceId: z.string(),
    number: z.string().nullable(),
    currency: z.string(),
    amountDue: z.int().meta({ description: "Minor units" }),
    options: z.array(payOptionSchema),
  })
  .meta({ id: "PayOptions" });
export type PayOptions = z.infer<typeof payOptionsSchema>;
