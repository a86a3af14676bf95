// One handler per allow-listed event type (dub's app/api/stripe/webhook/* layout). Each is
// idempotent and order-proof on its own: it reads the state it changes under the customer's lock
// and only moves it forward.
import type Stripe from "stripe";
import { chargeDisputeClosed } from "./charge-dispute-closed";
import { chargeDisputeCreated } from "./charge-dispute-created";
import { chargeRefunded } from "./charge-refunded";
import { paymentIntentPaymentFailed } from "./payment-intent-payment-failed";
import { paymentIntentRequiresAction } from "./payment-intent-requires-action";
import { paymentIntentSucceeded } from "./payment-intent-succeeded";
import { paymentMethodAttached } from "./payment-method-attached";
import { paymentMethodAutomaticallyUpdated } from "./payment-method-automatically-updated";
import { paymentMethodDetached } from "./payment-method-detached";
import { setupIntentSucceeded } from "./setup-intent-succeeded";
import type { StripeEventType } from "./stripe-event-types";

export const STRIPE_EVENT_HANDLERS: Record<StripeEventType, (e: Stripe.Event) => Promise<unknown>> =
  {
    "payment_intent.succeeded": paymentIntentSucceeded,
    "payment_intent.payment_failed": paymentIntentPaymentFailed,
    "payment_intent.requires_action": paymentIntentRequiresAction,
    "charge.refunded": chargeRefunded,
    "charge.dispute.created": chargeDisputeCreated,
    "charge.dispute.closed": chargeDisputeClosed,
    "setup_intent.succeeded": setupIntentSucceeded,
    "payment_method.attached": paymentMethodAttached,
    "payment_method.detached": paymentMethodDetached,
    "payment_method.automatically_updated": paymentMethodAutomaticallyUpdated,
  };
