// The events integrators can subscribe to. Payloads are `{ id, type, created, data: { object } }`
// like Stripe's, with the object in the REST API's shape (GET /payments/{id}, /invoices/{id}).
export const WEBHOOK_EVENT_TYPES = [
  "payment.succeeded",
  "payment.failed",
  "payment.reversed",
  "invoice.paid",
] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export const WEBHOOK_EVENT_DESCRIPTIONS: Record<WebhookEventType, string> = {
  "payment.succeeded": "Money was received (recorded by staff, the API, a bank file or a card)",
  "payment.failed": "A charge attempt did not take money",
  "payment.reversed": "A received payment was taken back (bounced cheque, mistaken entry)",
  "invoice.paid": "An invoice became fully paid",
};
