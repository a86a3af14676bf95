// A rail charge as the API returns it, and what starting one takes. No database imports.
import { z } from "zod";
import { text } from "@/lib/http/schemas";

export const railChargeSchema = z
  .object({
    id: z.string(),
    rail: z.enum(["PIX", "MPESA"]),
    providerRef: z.string().meta({ description: "Pix txid or M-PESA CheckoutRequestID" }),
    customerId: z.string(),
    invoiceId: z.string().nullable(),
    amount: z.int().meta({ description: "Minor units" }),
    currency: z.string(),
    status: z.enum(["PENDING", "PAID", "FAILED", "EXPIRED"]),
    display: z
      .record(z.string(), z.unknown())
      .meta({ description: "What the customer is shown: copiaECola, phone, …" }),
    paymentId: z.string().nullable(),
    failureReason: z.string().nullable(),
    createdAt: z.iso.datetime(),
    settledAt: z.iso.datetime().nullable(),
  })
  .meta({ id: "RailCharge" });

export const createRailChargeSchema = z
  .object({
    rail: z.enum(["PIX", "MPESA"]),
    phone: text()
      .max(20)
      .optional()
      .meta({ description: "M-PESA: the phone to prompt (default: the customer's)" }),
  })
  .strict();

export const serializeRailCharge = (c: {
  id: string;
  rail: string;
  providerRef: string;
  customerId: string;
  invoiceId: string | null;
  amount: number;
  currency: string;
  status: string;
  display: unknown;
  paymentId: string | null;
  failureReason: string | null;
  createdAt: Date;
  settledAt: Date | null;
}) => ({
  // Field by field: callers pass rows with relations and internals (idempotency key, query
  // count) that are not part of the API.
  id: c.id,
  customerId: c.customerId,
  invoiceId: c.invoiceId,
  amount: c.amount,
  currency: c.currency,
  paymentId: c.paymentId,
  failureReason: c.failureReason,
  rail: c.rail as "PIX" | "MPESA",
  status: c.status as "PENDING" | "PAID" | "FAILED" | "EXPIRED",
  providerRef: c.providerRef.startsWith("requested:") ? "" : c.providerRef,
  display: (c.display ?? {}) as Record<string, unknown>,
  createdAt: c.createdAt.toISOString(),
  settledAt: c.settledAt?.toISOString() ?? null,
});
