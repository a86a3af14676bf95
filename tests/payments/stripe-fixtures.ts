// Card payments against the local fake Stripe: environment, a customer with a saved default card
// and open invoices, and webhook deliveries signed like Stripe's.
import { db } from "@/lib/db";
import { receiveStripeWebhook } from "@/lib/payments/stripe/webhooks/receive-stripe-webhook";
import { triggerStripeDrain } from "@/lib/payments/stripe/webhooks/drain-stripe-events";
import { startFakeStripe, type FakeStripe } from "../support/fake-stripe";
import { customerWithInvoices } from "./fixtures";

export const WEBHOOK_SECRET = "whsec_test_lastmile";

export async function useFakeStripe(): Promise<FakeStripe> {
  const stripe = await startFakeStripe();
  Object.assign(process.env, {
    STRIPE_SECRET_KEY: "sk_test_fake",
    STRIPE_PUBLISHABLE_KEY: "pk_test_fake",
    STRIPE_API_BASE: stripe.url,
    STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
  });
  return stripe;
}

let cards = 0;
/** A customer with `months` open invoices and a default card whose id sets its behaviour. */
export async function cardCustomer(months: number, card: "ok" | "decline" | "auth" = "ok") {
  const setup = await customerWithInvoices(months);
  const stripeCustomerId = `cus_test_${++cards}`;
  await db.customer.update({ where: { id: setup.customer.id }, data: { stripeCustomerId } });
  const method = await db.paymentMethod.create({
    data: {
      customerId: setup.customer.id,
      kind: "CARD",
      isDefault: true,
      stripePaymentMethodId: `pm_${card}_${cards}`,
      cardBrand: "visa",
      cardLast4: "4242",
      cardExpMonth: 12,
      cardExpYear: 2030,
    },
  });
  return { ...setup, stripeCustomerId, method };
}

/**
 * Delivers an event to our webhook as Stripe would (signed raw body) and waits for the drain the
 * delivery started, so the test sees the event processed.
 */
export async function deliver(stripe: FakeStripe, type: string, object: unknown, id?: string) {
  const e = stripe.event(type, object, WEBHOOK_SECRET, id);
  const answer = await receiveStripeWebhook({ rawBody: e.payload, signature: e.signature });
  await triggerStripeDrain();
  return answer;
}

export const attemptsOf = (customerId: string) =>
  db.payment.findMany({
    where: { customerId, provider: "STRIPE" },
    orderBy: [{ createdAt: "asc" }, { attempt: "asc" }],
  });
