// Local payment rails (Pix, M-PESA): their settings, the ways to pay an invoice, charges started
// from the API, and the callback endpoints the providers call (under /api/rails, public; the
// random token in the path is what authenticates them).
import { z } from "zod";
import { rolesWith } from "@/lib/auth/roles";
import { defineOperation } from "@/lib/http/define-operation";
import { text } from "@/lib/http/schemas";
import {
  c2bSchema,
  darajaAckSchema,
  reversalResultSchema,
  stkCallbackSchema,
} from "@/lib/payments/rails/mpesa/daraja-callback-schema";
import { payOptionsSchema } from "@/lib/payments/rails/pay-options-schema";
import {
  cobrWebhookSchema,
  recWebhookSchema,
} from "@/lib/payments/rails/pix/automatico/pix-automatico-schema";
import { pixWebhookSchema } from "@/lib/payments/rails/pix/pix-webhook-schema";
import { createRailChargeSchema, railChargeSchema } from "@/lib/payments/rails/rail-charge-schema";
import {
  railSettingsPatchSchema,
  railSettingsSchema,
} from "@/lib/payments/rails/rail-settings-schema";
import { idParams } from "./common";

export const getPaymentRailsOp = defineOperation({
  method: "GET",
  path: "/settings/payment-rails",
  tag: "Settings",
  summary: "Payment rails (Pix, M-PESA)",
  description:
    "Configuration as stored, which secrets are set (never their values), and the callback URLs to register at each provider.",
  roles: rolesWith("settings:write"),
  responses: { 200: railSettingsSchema },
});

export const patchPaymentRailsOp = defineOperation({
  method: "PATCH",
  path: "/settings/payment-rails",
  tag: "Settings",
  summary: "Configure payment rails (settings:write)",
  description:
    "Only the fields given change. Secrets are write-only (null removes one) and encrypted at rest. A rail can be enabled only when what it needs is set: Pix a key, merchant name and city; M-PESA the Daraja URL, shortcode, consumer key and secret and the STK passkey.",
  roles: rolesWith("settings:write"),
  body: railSettingsPatchSchema,
  responses: { 200: railSettingsSchema },
});

export const getPayOptionsOp = defineOperation({
  method: "GET",
  path: "/invoices/{id}/pay-options",
  tag: "Invoices",
  summary: "Every way to pay an invoice now",
  description:
    "The enabled rails that fit its currency (Pix copia-e-cola, a Pix charge, M-PESA prompt and paybill), the signed pay link, the ISP's bank details with the customer's reference, and the debit-order date. Empty when nothing is left to pay.",
  roles: rolesWith("billing:read"),
  params: idParams("Invoice"),
  responses: { 200: payOptionsSchema },
});

export const createRailChargeOp = defineOperation({
  method: "POST",
  path: "/invoices/{id}/rail-charges",
  tag: "Payments",
  summary: "Start a Pix charge or an M-PESA prompt for an invoice (payments:write)",
  description:
    "Charges the invoice's open amount. Nothing is paid when this answers: the provider's callback (or the status query job) records the payment. A Pix charge still open for the same amount is returned again.",
  roles: rolesWith("payments:write"),
  params: idParams("Invoice"),
  body: createRailChargeSchema,
  responses: { 201: railChargeSchema },
});

export const listRailChargesOp = defineOperation({
  method: "GET",
  path: "/rail-charges",
  tag: "Payments",
  summary: "Pix and M-PESA charges, newest first",
  roles: rolesWith("payments:read"),
  query: z.object({
    rail: z.enum(["PIX", "MPESA"]).optional(),
    invoiceId: text().max(64).optional(),
  }),
  responses: { 200: z.object({ data: z.array(railChargeSchema) }) },
});

const tokenParams = z.object({ token: text().min(1).max(100) });
const CALLBACKS = "Provider callbacks";
const RAILS_PREFIX = "/api/rails";

export const pixWebhookOp = defineOperation({
  method: "POST",
  prefix: RAILS_PREFIX,
  path: "/pix/{token}/pix",
  tag: CALLBACKS,
  summary: "Pix webhook (the PSP calls it)",
  description:
    "Register `…/api/rails/pix/{token}` as the Pix key's webhook (PUT /webhook/{chave}); the PSP appends /pix. Each Pix is stored by endToEndId, confirmed with GET /pix/{e2eid}, and pays the charge or invoice its txid names, once. 401 for an unknown token.",
  params: tokenParams,
  body: pixWebhookSchema,
  responses: { 200: z.object({ received: z.int() }) },
});

export const pixRecWebhookOp = defineOperation({
  method: "POST",
  prefix: RAILS_PREFIX,
  path: "/pix/{token}/rec",
  tag: CALLBACKS,
  summary: "Pix Automático recurrence webhook (the PSP calls it)",
  description:
    "Registered with PUT /webhookrec (the PSP appends /rec). Each notification is stored by idRec and status, confirmed with GET /rec/{idRec}: APROVADA makes the customer an automatic payer; REJEITADA, EXPIRADA and CANCELADA end the authorisation and fail collections still scheduled. 401 for an unknown token.",
  params: tokenParams,
  body: recWebhookSchema,
  responses: { 200: z.object({ received: z.int() }) },
});

export const pixCobrWebhookOp = defineOperation({
  method: "POST",
  prefix: RAILS_PREFIX,
  path: "/pix/{token}/cobr",
  tag: CALLBACKS,
  summary: "Pix Automático collection webhook (the PSP calls it)",
  description:
    "Registered with PUT /webhookcobr (the PSP appends /cobr). Each notification is stored by txid and status, confirmed with GET /cobr/{txid}: CONCLUIDA books the Pix that paid it (once, shared with the /pix webhook); REJEITADA, CANCELADA and EXPIRADA record a failed automatic payment and make the authorisation unusable. 401 for an unknown token.",
  params: tokenParams,
  body: cobrWebhookSchema,
  responses: { 200: z.object({ received: z.int() }) },
});

export const darajaStkCallbackOp = defineOperation({
  method: "POST",
  prefix: RAILS_PREFIX,
  path: "/daraja/{token}/stk",
  tag: CALLBACKS,
  summary: "M-PESA STK push callback (Daraja calls it)",
  description:
    "ResultCode 0 records the payment with its MpesaReceiptNumber; other codes (1032 cancelled, 1037 timeout, 2001 wrong PIN) record a failed attempt. Stored by CheckoutRequestID; repeats change nothing.",
  params: tokenParams,
  body: stkCallbackSchema,
  responses: { 200: darajaAckSchema },
});

export const darajaC2bValidationOp = defineOperation({
  method: "POST",
  prefix: RAILS_PREFIX,
  path: "/daraja/{token}/c2b/validation",
  tag: CALLBACKS,
  summary: "M-PESA C2B validation (Daraja calls it)",
  description:
    "Accepts a paybill payment whose BillRefNumber is a customer's account number or payment reference; refuses others with C2B00012.",
  params: tokenParams,
  body: c2bSchema,
  responses: { 200: darajaAckSchema },
});

export const darajaC2bConfirmationOp = defineOperation({
  method: "POST",
  prefix: RAILS_PREFIX,
  path: "/daraja/{token}/c2b/confirmation",
  tag: CALLBACKS,
  summary: "M-PESA C2B confirmation (Daraja calls it)",
  description:
    "Stored by TransID, then recorded against the BillRefNumber's account, oldest invoice first. Unmatched payments stay stored for staff.",
  params: tokenParams,
  body: c2bSchema,
  responses: { 200: darajaAckSchema },
});

export const darajaReversalResultOp = defineOperation({
  method: "POST",
  prefix: RAILS_PREFIX,
  path: "/daraja/{token}/reversal/result",
  tag: CALLBACKS,
  summary: "M-PESA reversal result (Daraja calls it)",
  description:
    "Sent as ResultURL and QueueTimeOutURL with every reversal (a refund of an M-PESA payment). Stored by ConversationID; ResultCode 0 books the refund once, anything else marks it failed. 401 for an unknown token.",
  params: tokenParams,
  body: reversalResultSchema,
  responses: { 200: darajaAckSchema },
});

export const railOperations = [
  getPaymentRailsOp,
  patchPaymentRailsOp,
  getPayOptionsOp,
  createRailChargeOp,
  listRailChargesOp,
  pixWebhookOp,
  pixRecWebhookOp,
  pixCobrWebhookOp,
  darajaStkCallbackOp,
  darajaC2bValidationOp,
  darajaC2bConfirmationOp,
  darajaReversalResultOp,
];
