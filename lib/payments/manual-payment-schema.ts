// A payment recorded by staff or the API, as the lib use case and POST /api/v1/payments take it.
// Amounts are integer minor units (the PostgreSQL column is a 32-bit integer).
import { z } from "zod";
import { isIsoDate } from "@/lib/time/dates";

export const MANUAL_METHODS = [
  "CASH",
  "EFT",
  "CHEQUE",
  "CARD_MACHINE",
  "MOBILE_MONEY",
  "OTHER",
] as const;
export type ManualMethod = (typeof MANUAL_METHODS)[number];

export const MAX_AMOUNT = 2_147_483_647;
export const minorUnits = z
  .number()
  .int("Use whole minor units (cents)")
  .positive("Must be more than zero")
  .max(MAX_AMOUNT, "Too large");
export const isoDate = z.string().refine(isIsoDate, "Use YYYY-MM-DD");
const id = z.string().trim().min(1).max(64);

export const allocationsSchema = z
  .array(z.object({ invoiceId: id, amount: minorUnits }))
  .max(100, "At most 100 invoices at once");

export const manualPaymentSchema = z.object({
  customerId: id,
  amount: minorUnits,
  currency: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{3}$/, "A three-letter currency code"),
  method: z.enum(MANUAL_METHODS),
  reference: z.string().trim().max(100).optional(),
  receivedOn: isoDate,
  note: z.string().trim().max(500).optional(),
  /** Omit to apply oldest due first; [] keeps the whole amount as credit. */
  allocations: allocationsSchema.optional(),
  /** Email the customer a receipt (default yes). */
  sendReceipt: z.boolean().optional(),
});

export type ManualPaymentInput = z.input<typeof manualPaymentSchema>;
