// "Add a card" in the portal: a SetupIntent (`usage: off_session`, the same one sign-up uses) for
// the signed-in customer, confirmed in the browser by Stripe's Payment Element, then verified
// with Stripe and saved as a PaymentMethod (the default when the customer has none). The card
// number never reaches us. The setup_intent.succeeded webhook saves the same card idempotently.
import "server-only";
import { assertCustomerAccess, type Actor } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError, notFound } from "@/lib/errors";
import { isFakeStripe } from "@/lib/payments/stripe/pay-now";
import { createCardSetupIntent } from "./create-setup-intent";
import { stripeClient } from "./stripe-client";
import { saveStripeCard } from "./sync-stripe-card";
import { verifySetupIntent } from "./verify-setup-intent";

export type AddPortalCardOptions = { actor: Actor; customerId: string };
export type FinishPortalCardOptions = AddPortalCardOptions & { setupIntentId: string };

const SETUP_INTENT_ID = /^seti_[A-Za-z0-9_]{1,200}$/;

/** The customer's Stripe Customer, created on first use (an idempotency key makes it one). */
async function stripeCustomerOf(customerId: string) {
  const customer = await db.customer.findUnique({
    where: { id: customerId },
    select: { stripeCustomerId: true },
  });
  if (!customer) throw notFound("Customer");
  if (customer.stripeCustomerId) return customer.stripeCustomerId;
  const created = await stripeClient().customers.create(
    { metadata: { customerId } },
    { idempotencyKey: `customer-stripe:${customerId}` },
  );
  await db.customer.updateMany({
    where: { id: customerId, stripeCustomerId: null },
    data: { stripeCustomerId: created.id },
  });
  const after = await db.customer.findUniqueOrThrow({
    where: { id: customerId },
    select: { stripeCustomerId: true },
  });
  return after.stripeCustomerId!;
}

/** Starts saving a card: the SetupIntent's client secret for the Payment Element. */
export async function startPortalCardSetup({ actor, customerId }: AddPortalCardOptions) {
  assertCustomerAccess(actor, customerId, "customers:write");
  const stripeCustomerId = await stripeCustomerOf(customerId);
  const intent = await createCardSetupIntent({ stripeCustomerId, metadata: { customerId } });
  return {
    setupIntentId: intent.id,
    clientSecret: intent.client_secret!,
    publishableKey: env.STRIPE_PUBLISHABLE_KEY!,
    testMode: isFakeStripe(),
  };
}

/** Stripe confirmed the SetupIntent: check it is this customer's and save the card. */
export async function finishPortalCardSetup({
  actor,
  customerId,
  setupIntentId,
}: FinishPortalCardOptions) {
  assertCustomerAccess(actor, customerId, "customers:write");
  if (!SETUP_INTENT_ID.test(setupIntentId)) throw new AppError("VALIDATION", "Not a saved card.");
  const card = await verifySetupIntent({ setupIntentId, customerId });
  const customer = await db.customer.findUnique({
    where: { id: customerId },
    select: { stripeCustomerId: true },
  });
  if (customer?.stripeCustomerId !== card.stripeCustomerId)
    throw new AppError("VALIDATION", "This card was not added to this account.");
  const saved = await saveStripeCard({
    paymentMethod: card.paymentMethod,
    stripeCustomerId: card.stripeCustomerId,
  });
  if (saved.result === "ignored") throw new AppError("UNPROCESSABLE", "This card cannot be saved.");
  return { paymentMethodId: saved.id, brand: card.brand, last4: card.last4 };
}

/**
 * Tests and the offline demo only (STRIPE_API_BASE points at the fake Stripe, which has no
 * browser Payment Element): confirms the SetupIntent server-side with a test card, as Stripe.js
 * would, then saves it. Refused against real Stripe.
 */
export async function confirmTestPortalCard(opts: FinishPortalCardOptions) {
  if (!isFakeStripe()) throw new AppError("NOT_FOUND", "Not available.");
  assertCustomerAccess(opts.actor, opts.customerId, "customers:write");
  if (!SETUP_INTENT_ID.test(opts.setupIntentId))
    throw new AppError("VALIDATION", "Not a saved card.");
  const stripe = stripeClient();
  const intent = await stripe.setupIntents.retrieve(opts.setupIntentId);
  if (intent.metadata?.customerId !== opts.customerId) throw notFound("Card setup");
  await stripe.setupIntents.confirm(opts.setupIntentId, { payment_method: "pm_card_visa" });
  return finishPortalCardSetup(opts);
}
