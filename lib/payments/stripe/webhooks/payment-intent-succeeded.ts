import type Stripe from "stripe";
import { settlePaymentIntent } from "../settle-payment-intent";

/** Money taken: one SUCCEEDED payment allocated to its invoice(s), however often this arrives. */
export const paymentIntentSucceeded = (event: Stripe.Event) =>
  settlePaymentIntent({ intent: event.data.object as Stripe.PaymentIntent });
