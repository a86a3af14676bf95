import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { db } from "@/lib/db";
import { createSetupIntent } from "@/lib/payment-methods/create-setup-intent";
import { isCardPaymentEnabled } from "@/lib/payment-methods/stripe-client";
import { placeOrder } from "@/lib/orders/place-order";
import { seedStorefront } from "../storefront/fixtures";
import { draft, signed } from "./checkout-fixture";
import { startFakeStripe } from "./fake-stripe";

let stripe: Awaited<ReturnType<typeof startFakeStripe>>;
beforeAll(async () => {
  process.env.ENCRYPTION_KEY = randomBytes(32).toString("base64");
  await seedStorefront();
  stripe = await startFakeStripe();
});
afterAll(async () => {
  for (const k of ["STRIPE_SECRET_KEY", "STRIPE_PUBLISHABLE_KEY", "STRIPE_API_BASE"])
    delete process.env[k];
  await stripe.stop();
});

describe("card at checkout (Stripe SetupIntent)", () => {
  test("without keys the card option is off", async () => {
    expect(isCardPaymentEnabled()).toBe(false);
    await expect(
      createSetupIntent({ checkoutKey: crypto.randomUUID(), ip: "x" }),
    ).rejects.toMatchObject({ code: "UNPROCESSABLE" });
  });

  test("a confirmed SetupIntent becomes the customer's default card; nothing of the card but brand and last 4 is kept", async () => {
    Object.assign(process.env, {
      STRIPE_SECRET_KEY: "sk_test_fake",
      STRIPE_PUBLISHABLE_KEY: "pk_test_fake",
      STRIPE_API_BASE: stripe.url,
    });
    expect(isCardPaymentEnabled()).toBe(true);
    const d = draft();
    const { clientSecret, publishableKey } = await createSetupIntent({
      checkoutKey: d.idempotencyKey,
      ip: "203.0.113.9",
    });
    expect(publishableKey).toBe("pk_test_fake");
    const setupIntentId = clientSecret.replace(/_secret_.*/, "");

    const unconfirmed = { ...d, payment: { kind: "CARD" as const, setupIntentId } };
    await expect(signed(unconfirmed)).rejects.toMatchObject({
      fields: { "payment.setupIntentId": expect.stringContaining("not been confirmed") },
    });
    stripe.confirm(setupIntentId);

    const placed = await placeOrder({ input: await signed(unconfirmed), ip: "203.0.113.9" });
    const customer = await db.customer.findUniqueOrThrow({
      where: { id: placed.customerId },
      include: { paymentMethods: true },
    });
    expect(customer.stripeCustomerId).toMatch(/^cus_/);
    expect(customer.paymentMethods).toMatchObject([
      {
        kind: "CARD",
        isDefault: true,
        stripePaymentMethodId: `pm_for_${setupIntentId}`,
        cardBrand: "visa",
        cardLast4: "4242",
      },
    ]);
    const contract = await db.contract.findFirstOrThrow({ where: { orderId: placed.orderId } });
    expect((contract.content as { payment: { details: string } }).payment.details).toContain(
      "visa ending 4242",
    );
    expect(stripe.updates).toContainEqual({
      id: customer.stripeCustomerId,
      email: customer.email,
      name: "Naledi Mokoena",
      metadata: { accountNumber: customer.accountNumber },
    });
  });

  test("a SetupIntent from another checkout is refused", async () => {
    const other = draft();
    const { clientSecret } = await createSetupIntent({
      checkoutKey: other.idempotencyKey,
      ip: "203.0.113.9",
    });
    const id = clientSecret.replace(/_secret_.*/, "");
    stripe.confirm(id);
    await expect(
      signed({ ...draft(), payment: { kind: "CARD", setupIntentId: id } }),
    ).rejects.toMatchObject({
      fields: { "payment.setupIntentId": expect.stringContaining("not added in this checkout") },
    });
  });
});
