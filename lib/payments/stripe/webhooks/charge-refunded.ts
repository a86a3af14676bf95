import type Stripe from "stripe";
import { stripeClient } from "@/lib/payment-methods/stripe-client";
import { recordStripeRefunds } from "../record-stripe-refunds";

/** Refunds of a card payment (ours or from the Dashboard), each recorded once by its id. */
export async function chargeRefunded(event: Stripe.Event) {
  const charge = event.data.object as Stripe.Charge;
  const intent =
    typeof charge.payment_intent === "string" ? charge.payment_intent : charge.payment_intent?.id;
  if (!intent) return { recorded: 0, reason: "no payment intent" };
  // Newer API versions leave `refunds` out of the charge: ask Stripe for the list.
  const refunds = charge.refunds?.data?.length
    ? charge.refunds.data
    : (await stripeClient().refunds.list({ payment_intent: intent, limit: 100 })).data;
  return recordStripeRefunds({ paymentIntentId: intent, refunds });
}
