import type Stripe from "stripe";
import { saveStripeCard } from "@/lib/payment-methods/sync-stripe-card";

/** A card attached to one of our Stripe customers (also by Stripe.js or the Dashboard). */
export const paymentMethodAttached = (event: Stripe.Event) =>
  saveStripeCard({ paymentMethod: event.data.object as Stripe.PaymentMethod });
