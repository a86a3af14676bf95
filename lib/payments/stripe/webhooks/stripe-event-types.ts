// The Stripe events we act on; anything else is answered 200 and not stored (Stripe only sends
// what the endpoint subscribes to, so this is a second fence).
export const STRIPE_EVENT_TYPES = [
  "payment_intent.succeeded",
  "payment_intent.payment_failed",
  "payment_intent.requires_action",
  "charge.refunded",
  "charge.dispute.created",
  "charge.dispute.closed",
  "setup_intent.succeeded",
  "payment_method.attached",
  "payment_method.detached",
  "payment_method.automatically_updated",
] as const;

export type StripeEventType = (typeof STRIPE_EVENT_TYPES)[number];

export const isHandledStripeEvent = (type: string): type is StripeEventType =>
  (STRIPE_EVENT_TYPES as readonly string[]).includes(type);
