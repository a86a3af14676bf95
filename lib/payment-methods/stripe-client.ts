// Stripe, when the ISP configured it. STRIPE_API_BASE points the SDK at another host (tests
// run a local fake Stripe); without keys the card option is hidden everywhere.
import Stripe from "stripe";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { isCardPaymentEnabled } from "./card-payments-enabled";

export { isCardPaymentEnabled };

let cached: { config: string; client: Stripe } | undefined;

export function stripeClient(): Stripe {
  const key = env.STRIPE_SECRET_KEY;
  if (!key || !isCardPaymentEnabled())
    throw new AppError("UNPROCESSABLE", "Card payments are not available.");
  const config = `${key}|${env.STRIPE_API_BASE ?? ""}`;
  if (cached?.config === config) return cached.client;
  const base = env.STRIPE_API_BASE ? new URL(env.STRIPE_API_BASE) : null;
  const client = new Stripe(key, {
    ...(base
      ? {
          host: base.hostname,
          port: Number(base.port || (base.protocol === "https:" ? 443 : 80)),
          protocol: base.protocol.replace(":", "") as "http" | "https",
        }
      : {}),
    maxNetworkRetries: 2,
  });
  cached = { config, client };
  return client;
}
