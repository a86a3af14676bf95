import { AppError } from "@/lib/errors";
import { stripeClient } from "./stripe-client";

export type VerifiedCard = {
  stripeCustomerId: string;
  stripePaymentMethodId: string;
  brand: string | null;
  last4: string | null;
  expMonth: number | null;
  expYear: number | null;
};

/** Confirms with Stripe that the checkout's SetupIntent succeeded, and returns the saved card. */
export async function verifySetupIntent(opts: {
  setupIntentId: string;
  checkoutKey: string;
}): Promise<VerifiedCard> {
  const intent = await stripeClient().setupIntents.retrieve(opts.setupIntentId, {
    expand: ["payment_method"],
  });
  const bad = (msg: string) => new AppError("VALIDATION", msg, { "payment.setupIntentId": msg });
  if (intent.metadata?.checkoutKey !== opts.checkoutKey)
    throw bad("This card was not added in this checkout.");
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
  };
}
