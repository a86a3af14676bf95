// Portal "Add a card": a SetupIntent for the signed-in customer, confirmed through the fake
// Stripe's server-side test path, saved as a PaymentMethod (default when it is the first).
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { db } from "@/lib/db";
import {
  confirmTestPortalCard,
  finishPortalCardSetup,
  startPortalCardSetup,
} from "@/lib/payment-methods/add-portal-card";
import type { FakeStripe } from "../support/fake-stripe";
import { createCustomer, setupIsp } from "./fixtures";
import { cardCustomer, deliver, useFakeStripe } from "./stripe-fixtures";

let stripe: FakeStripe;
beforeAll(async () => {
  await setupIsp();
  stripe = await useFakeStripe();
});
afterAll(() => stripe.stop());

const customerActor = (customerId: string) => ({
  kind: "user" as const,
  id: `u-${customerId}`,
  role: "CUSTOMER" as const,
  name: "Cus",
  customerId,
});
const methodsOf = (customerId: string) =>
  db.paymentMethod.findMany({ where: { customerId }, orderBy: { createdAt: "asc" } });

describe("portal: add a card", () => {
  test("a customer without a card saves one: a Stripe customer, an off-session card, the default", async () => {
    const customer = await createCustomer();
    const actor = customerActor(customer.id);
    const start = await startPortalCardSetup({ actor, customerId: customer.id });
    expect(start).toMatchObject({ testMode: true, publishableKey: "pk_test_fake" });
    expect(start.clientSecret).toMatch(/_secret_/);
    const { stripeCustomerId } = await db.customer.findUniqueOrThrow({
      where: { id: customer.id },
    });
    expect(stripeCustomerId).toMatch(/^cus_/);

    // Not confirmed yet: nothing is saved.
    await expect(
      finishPortalCardSetup({ actor, customerId: customer.id, setupIntentId: start.setupIntentId }),
    ).rejects.toMatchObject({ code: "VALIDATION" });
    expect(await methodsOf(customer.id)).toEqual([]);

    const saved = await confirmTestPortalCard({
      actor,
      customerId: customer.id,
      setupIntentId: start.setupIntentId,
    });
    expect(saved).toMatchObject({ brand: "visa", last4: "4242" });
    expect(await methodsOf(customer.id)).toMatchObject([
      { id: saved.paymentMethodId, kind: "CARD", isDefault: true, cardLast4: "4242" },
    ]);

    // Finishing again, or Stripe's webhook for the same intent, saves no second card.
    await finishPortalCardSetup({
      actor,
      customerId: customer.id,
      setupIntentId: start.setupIntentId,
    });
    const intent = {
      id: start.setupIntentId,
      object: "setup_intent",
      status: "succeeded",
      customer: stripeCustomerId,
      metadata: { customerId: customer.id },
      payment_method: `pm_for_${start.setupIntentId}`,
    };
    await deliver(stripe, "setup_intent.succeeded", intent);
    expect(await methodsOf(customer.id)).toHaveLength(1);
  });

  test("a customer who already has a default card adds another: the default stays", async () => {
    const { customer, method, stripeCustomerId } = await cardCustomer(0);
    const actor = customerActor(customer.id);
    const start = await startPortalCardSetup({ actor, customerId: customer.id });
    // The existing Stripe customer is reused.
    expect(await db.customer.findUniqueOrThrow({ where: { id: customer.id } })).toMatchObject({
      stripeCustomerId,
    });
    await confirmTestPortalCard({
      actor,
      customerId: customer.id,
      setupIntentId: start.setupIntentId,
    });
    const methods = await methodsOf(customer.id);
    expect(methods.map((m) => [m.id === method.id, m.isDefault])).toEqual([
      [true, true],
      [false, false],
    ]);
  });

  test("one customer cannot start, confirm or save a card for another", async () => {
    const a = await createCustomer();
    const b = await createCustomer();
    await expect(
      startPortalCardSetup({ actor: customerActor(a.id), customerId: b.id }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const bStart = await startPortalCardSetup({ actor: customerActor(b.id), customerId: b.id });
    // A's own account, B's SetupIntent: refused, and B gets no card from it.
    await expect(
      confirmTestPortalCard({
        actor: customerActor(a.id),
        customerId: a.id,
        setupIntentId: bStart.setupIntentId,
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    stripe.confirm(bStart.setupIntentId);
    await expect(
      finishPortalCardSetup({
        actor: customerActor(a.id),
        customerId: a.id,
        setupIntentId: bStart.setupIntentId,
      }),
    ).rejects.toMatchObject({ code: "VALIDATION" });
    expect(await methodsOf(a.id)).toEqual([]);
    await expect(
      finishPortalCardSetup({
        actor: customerActor(a.id),
        customerId: a.id,
        setupIntentId: "not-an-intent",
      }),
    ).rejects.toMatchObject({ code: "VALIDATION" });
  });

  test("the test confirm is refused against real Stripe", async () => {
    const customer = await createCustomer();
    const actor = customerActor(customer.id);
    const start = await startPortalCardSetup({ actor, customerId: customer.id });
    const base = process.env.STRIPE_API_BASE;
    delete process.env.STRIPE_API_BASE;
    try {
      await expect(
        confirmTestPortalCard({
          actor,
          customerId: customer.id,
          setupIntentId: start.setupIntentId,
        }),
      ).rejects.toMatchObject({ code: "NOT_FOUND" });
    } finally {
      process.env.STRIPE_API_BASE = base;
    }
    expect(await methodsOf(customer.id)).toEqual([]);
  });
});
