import type Stripe from "stripe";
import { stripeClient } from "@/lib/payment-methods/stripe-client";
import { saveStripeCard } from "@/lib/payment-methods/sync-stripe-card";

/** A card saved through a SetupIntent (portal or sign-up): ours to show and charge. */
export async function setupIntentSucceeded(event: Stripe.Event) {
  const intent = event.data.object as Stripe.SetupIntent;
  const pm = intent.payment_method;
  if (!pm) return { result: "ignored", reason: "no payment method" };
  const paymentMethod =
    typeof pm === "string" ? await stripeClient().paymentMethods.retrieve(pm) : pm;
  const customer = typeof intent.customer === "string" ? intent.customer : intent.customer?.id;
  return saveStripeCard({ paymentMethod, stripeCustomerId: customer });
}
