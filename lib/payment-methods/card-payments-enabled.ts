import { env } from "@/lib/env";

/** Card payments need both Stripe keys; without them the card option is hidden everywhere. */
export function isCardPaymentEnabled(): boolean {
  return Boolean(env.STRIPE_SECRET_KEY && env.STRIPE_PUBLISHABLE_KEY);
}
