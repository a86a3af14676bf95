import type Stripe from "stripe";
import { forgetStripeCard } from "@/lib/payment-methods/sync-stripe-card";

/** A card detached at Stripe can no longer be charged off-session: we forget it too. */
export const paymentMethodDetached = (event: Stripe.Event) =>
  forgetStripeCard({ stripePaymentMethodId: (event.data.object as Stripe.PaymentMethod).id });
