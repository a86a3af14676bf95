import type Stripe from "stripe";
import { settlePaymentIntent } from "../settle-payment-intent";

/** A declined attempt: FAILED with the reason, unless the intent already succeeded. */
export const paymentIntentPaymentFailed = (event: Stripe.Event) =>
  settlePaymentIntent({ intent: event.data.object as Stripe.PaymentIntent });
