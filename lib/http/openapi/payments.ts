// Payments over the REST API: record a manual payment, list, read, reverse. Every POST honours
// `Idempotency-Key` (lib/http/idempotency.ts).
import { z } from "zod";
import { defineOperation } from "@/lib/http/define-operation";
import { PaymentMethodKind, PaymentProvider, PaymentStatus } from "@/lib/generated/prisma/enums";
import { paymentFilterSchema } from "@/lib/payments/list-payments";
import { manualPaymentSchema } from "@/lib/payments/manual-payment-schema";
import { refundSchema } from "@/lib/payments/refund-schema";
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

export const refundPaymentOp = defineOperation({
  method: "POST",
  path: "/payments/{id}/refunds",
  tag: "Payments",
  summary: "Refund a payment, in full or in part",
  description:
    "A card payment is refunded through Stripe (with an idempotency key) and recorded by the Stripe refund's id; any other payment is recorded as a manual refund (the money went back outside Lastmile). Without `amount`, everything not yet refunded. The refund posts a ledger entry; money already on invoices comes off the newest first. 409 unless the payment is received (SUCCEEDED); 422 for more than is left.",
  roles: ROLES,
  idempotent: true,
  params: idParams,
  body: refundSchema.meta({ id: "RefundRequest" }),
  responses: { 201: Payment },
});

export const createPayLinkOp = defineOperation({
  method: "POST",
  path: "/invoices/{id}/pay-link",
  tag: "Payments",
  summary: "A signed pay link for an open invoice",
  description:
    "Anyone holding the link can pay the invoice at `/pay/{token}` without signing in, until `expiresAt` (default 30 days). 409 for an invoice that is not open.",
  roles: READ_ROLES,
  params: idParams,
  body: z
    .object({ days: z.number().int().min(1).max(90).optional() })
    .meta({ id: "PayLinkRequest" }),
  responses: {
    200: z.object({ url: z.string(), expiresAt: z.string() }).meta({ id: "PayLink" }),
  },
});

export const listPaymentMethodsOp = defineOperation({
  method: "GET",
  path: "/customers/{id}/payment-methods",
  tag: "Payments",
  summary: "A customer's saved payment methods (masked)",
  description:
    "Cards by brand, last four digits and expiry (card numbers never reach Lastmile); a debit mandate by its reference and the account's last four digits. The default method first.",
  roles: READ_ROLES,
  params: idParams,
  responses: {
    200: z
      .object({
        data: z.array(
          z.object({
            id: z.string(),
            kind: z.enum(PaymentMethodKind),
            isDefault: z.boolean(),
            card: z
              .object({
                brand: z.string().nullable(),
                last4: z.string().nullable(),
                expMonth: z.number().int().nullable(),
                expYear: z.number().int().nullable(),
              })
              .nullable(),
            mandate: z
              .object({
                accountHolder: z.string(),
                accountMasked: z.string(),
                reference: z.string(),
                status: z.string(),
                signedAt: z.string(),
              })
              .nullable(),
            createdAt: z.string(),
          }),
        ),
      })
      .meta({ id: "PaymentMethodList" }),
  },
});

export const paymentOperations = [
  listPaymentsOp,
  recordPaymentOp,
  getPaymentOp,
  reversePaymentOp,
  refundPaymentOp,
  createPayLinkOp,
  listPaymentMethodsOp,
];
