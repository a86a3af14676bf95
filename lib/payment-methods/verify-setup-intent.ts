import type Stripe from "stripe";
import { AppError } from "@/lib/errors";
import { stripeClient } from "./stripe-client";

export type VerifiedCard = {
  stripeCustomerId: string;
  stripePaymentMethodId: string;
  brand: string | null;
  last4: string | null;
  expMonth: number | null;
  expYear: number | null;
  paymentMethod: Stripe.PaymentMethod;
};

/**
 * Confirms with Stripe that a SetupIntent succeeded, and returns the saved card. The intent must
 * belong to who asks: the checkout (its key) or the signed-in customer (portal "Add a card").
 */
export async function verifySetupIntent(
  opts: { setupIntentId: string } & ({ checkoutKey: string } | { customerId: string }),
): Promise<VerifiedCard> {
  const intent = await stripeClient().setupIntents.retrieve(opts.setupIntentId, {
    expand: ["payment_method"],
  });
  const bad = (msg: string) => new AppError("VALIDATION", msg, { "payment.setupIntentId": msg });
  if ("checkoutKey" in opts && intent.metadata?.checkoutKey !== opts.checkoutKey)
    throw bad("This card was not added in this checkout.");
  if ("customerId" in opts && intent.metadata?.customerId !== opts.customerId)
    throw bad("This card was not added to this account.");
  if (intent.status !== "succeeded") throw bad("Your card has not been confirmed yet.");
  const pm = intent.payment_method;
  if (!pm || typeof pm === "string" || !intent.customer)
    throw bad("Stripe returned no saved card.");
  return {
    stripeCustomerId: typeof intent.customer === "string" ? intent.customer : intent.customer.id,
    stripePaymentMethodId: pm.id,
    brand: pm.card?.brand ?? null,
    last4: pm.card?.last4 ?? null,
    expMonth: pm.card?.exp_month ?? null,
    expYear: pm.card?.exp_year ?? null,
    paymentMethod: pm,
  };
}
