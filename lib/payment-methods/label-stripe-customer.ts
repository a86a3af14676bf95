import { stripeClient } from "./stripe-client";
import { logger } from "@/lib/log";

/**
 * Puts the new customer's name, email and account number on the Stripe Customer created
 * anonymously during checkout, so the ISP recognises it in Stripe's dashboard. Runs after the
 * order committed; a failure only leaves the Stripe record unlabelled, so it is logged, not thrown.
 */
export async function labelStripeCustomer(opts: {
  stripeCustomerId: string;
  name: string;
  email: string;
  accountNumber: string;
}) {
  await stripeClient()
    .customers.update(opts.stripeCustomerId, {
      name: opts.name,
      email: opts.email,
      metadata: { accountNumber: opts.accountNumber },
    })
    .catch((err) =>
      logger.error(
        { err, stripeCustomer: opts.stripeCustomerId },
        "could not label Stripe customer",
      ),
    );
}
