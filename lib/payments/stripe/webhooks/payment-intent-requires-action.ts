import type Stripe from "stripe";
import { settlePaymentIntent } from "../settle-payment-intent";

/**
 * The bank asks for the cardholder's approval: an off-session (auto-pay) attempt fails as
 * authentication_required and the customer is emailed a pay link; a pay-now attempt waits for
 * the customer, who is on the page.
 */
export const paymentIntentRequiresAction = (event: Stripe.Event) =>
  settlePaymentIntent({ intent: event.data.object as Stripe.PaymentIntent });
