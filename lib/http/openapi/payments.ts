// Payments over the REST API: record a manual payment, list, read, reverse. Every POST honours
// `Idempotency-Key` (lib/http/idempotency.ts).
import { z } from "zod";
import { defineOperation } from "@/lib/http/define-operation";
import { PaymentMethodKind, PaymentProvider, PaymentStatus } from "@/lib/generated/prisma/enums";
import { paymentFilterSchema } from "@/lib/payments/list-payments";
import { manualPaymentSchema } from "@/lib/payments/manual-payment-schema";
import { reversalReasonSchema } from "@/lib/payments/reverse-payment";

const ROLES = ["ADMIN", "ACCOUNTS"] as const;
const READ_ROLES = ["ADMIN", "ACCOUNTS", "SUPPORT"] as const;
const idParams = z.object({ id: z.string().max(64) });

export const Payment = z
  .object({
    id: z.string(),
    number: z.string().nullable().meta({ description: "Receipt number (RCT-…)" }),
    customerId: z.string(),
    amount: z.number().int().meta({ description: "Minor units (cents)" }),
    currency: z.string(),
    method: z.enum(PaymentMethodKind),
    provider: z.enum(PaymentProvider),
    status: z.enum(PaymentStatus),
    reference: z.string().nullable(),
    note: z.string().nullable(),
    receivedOn: z.string().meta({ description: "YYYY-MM-DD, the ISP's time zone" }),
    receivedAt: z.string(),
    unallocated: z
      .number()
      .int()
      .meta({ description: "Credit left on the customer's account from this payment" }),
    refunded: z.number().int(),
    allocations: z.array(
      z.object({
        invoiceId: z.string(),
        invoiceNumber: z.string().nullable(),
        amount: z.number().int(),
      }),
    ),
    reversedAt: z.string().nullable(),
    reversalReason: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: "Payment" });

/** A payment in a list, with who paid, so a list needs no second look-up per row. */
const PaymentListItem = Payment.extend({
  customer: z.object({
    accountNumber: z.string(),
    firstName: z.string(),
    lastName: z.string(),
    companyName: z.string().nullable(),
  }),
}).meta({ id: "PaymentListItem" });

export const listPaymentsOp = defineOperation({
  method: "GET",
  path: "/payments",
  tag: "Payments",
  summary: "Payments, newest first",
  description:
    "Filter by customer, method, status, received date range (`from`/`to`, inclusive) or `unallocated=true` (payments with credit left). Page with `after=<nextCursor>`.",
  roles: READ_ROLES,
  query: paymentFilterSchema,
  responses: {
    200: z
      .object({ payments: z.array(PaymentListItem), nextCursor: z.string().nullable() })
      .meta({ id: "PaymentList" }),
  },
});

export const recordPaymentOp = defineOperation({
  method: "POST",
  path: "/payments",
  tag: "Payments",
  summary: "Record a manual payment",
  description:
    "Cash, EFT, cheque, card machine, mobile money or other. The currency must be the customer's (422 otherwise). Without `allocations` the money pays the oldest due invoices first; with them, exactly those amounts (each at most the invoice's open amount). What is left stays as credit on the customer's account. The customer is emailed a receipt unless `sendReceipt` is false.",
  roles: ROLES,
  idempotent: true,
  body: manualPaymentSchema.meta({ id: "ManualPayment" }),
  responses: { 201: Payment },
});

export const getPaymentOp = defineOperation({
  method: "GET",
  path: "/payments/{id}",
  tag: "Payments",
  summary: "A payment with its allocations",
  roles: READ_ROLES,
  params: idParams,
  responses: { 200: Payment },
});

export const reversePaymentOp = defineOperation({
  method: "POST",
  path: "/payments/{id}/reverse",
  tag: "Payments",
  summary: "Reverse a payment (bounced cheque, mistaken entry)",
  description:
    "Releases its allocations (the invoices re-open), posts a reversing ledger entry and records the reason. Only a received, unrefunded, non-card payment can be reversed (409 otherwise).",
  roles: ROLES,
  idempotent: true,
  params: idParams,
  body: z.object({ reason: reversalReasonSchema }).meta({ id: "PaymentReversal" }),
  responses: { 200: Payment },
});

export const paymentOperations = [listPaymentsOp, recordPaymentOp, getPaymentOp, reversePaymentOp];
