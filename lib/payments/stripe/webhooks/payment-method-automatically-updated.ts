import type Stripe from "stripe";
import { refreshStripeCard } from "@/lib/payment-methods/sync-stripe-card";

/** The card network renewed the card (new expiry or number): keep what we show current. */
export const paymentMethodAutomaticallyUpdated = (event: Stripe.Event) =>
  refreshStripeCard({ paymentMethod: event.data.object as Stripe.PaymentMethod });
