// Starts saving a card during checkout. The card goes from the browser to Stripe (Payment
// Element) and never touches our server; we keep only Stripe's ids and the card's last digits.
// The SetupIntent carries the checkout's idempotency key, so placement can refuse one that
// belongs to another checkout.
import { z } from "zod";
import { enforceRateLimit } from "@/lib/rate-limit/hit-rate-limit";
import { env } from "@/lib/env";
import { stripeClient } from "./stripe-client";

export const createSetupIntentSchema = z.object({ checkoutKey: z.string().uuid() });
export type CreateSetupIntentOptions = z.input<typeof createSetupIntentSchema> & { ip: string };

export async function createSetupIntent(opts: CreateSetupIntentOptions) {
  const { checkoutKey } = createSetupIntentSchema.parse(opts);
  await enforceRateLimit(`setup-intent:ip:${opts.ip}`, 10, 60 * 60);
  const stripe = stripeClient();
  // A Stripe Customer from the start, so the saved card can be charged off-session later.
  const customer = await stripe.customers.create(
    { metadata: { checkoutKey } },
    { idempotencyKey: `checkout-customer:${checkoutKey}` },
  );
  const intent = await createCardSetupIntent({
    stripeCustomerId: customer.id,
    metadata: { checkoutKey },
    idempotencyKey: `checkout-setup:${checkoutKey}`,
  });
  return { clientSecret: intent.client_secret!, publishableKey: env.STRIPE_PUBLISHABLE_KEY! };
}

/** The one way a card is saved (checkout and portal): a SetupIntent for off-session charges. */
export function createCardSetupIntent(opts: {
  stripeCustomerId: string;
  metadata: Record<string, string>;
  idempotencyKey?: string;
}) {
  return stripeClient().setupIntents.create(
    {
      customer: opts.stripeCustomerId,
      usage: "off_session",
      allowed_payment_method_types: ["card"],
      metadata: opts.metadata,
    },
    opts.idempotencyKey ? { idempotencyKey: opts.idempotencyKey } : undefined,
  );
}
