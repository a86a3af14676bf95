// Stripe webhooks: signature checked on the raw body, events stored by id first, and replayed,
// duplicated and reordered deliveries leave exactly one payment. Refunds, disputes and card
// changes reported by Stripe land once each; the books balance throughout.
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { SYSTEM, type Actor } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { createRefund } from "@/lib/payments/create-refund";
import { chargeInvoice } from "@/lib/payments/stripe/charge-invoice";
import { receiveStripeWebhook } from "@/lib/payments/stripe/webhooks/receive-stripe-webhook";
import { setClock } from "@/lib/time/clock";
import type { FakeStripe } from "../support/fake-stripe";
import { accounts, balanceOf, invoiceState, setupIsp, support } from "./fixtures";
import { recordManualPayment } from "@/lib/payments/record-manual-payment";
import {
  attemptsOf,
  cardCustomer,
  deliver,
  useFakeStripe,
  WEBHOOK_SECRET,
} from "./stripe-fixtures";

let stripe: FakeStripe;
beforeAll(async () => {
  await setupIsp();
  stripe = await useFakeStripe();
});
afterEach(() => setClock(undefined));
afterAll(() => stripe.stop());

const admin: Actor = { kind: "user", id: "u-admin", role: "ADMIN", name: "Ada" };

/** A succeeded intent at the fake Stripe for the customer's invoice, with no row of ours. */
async function outsideIntent(customerId: string, invoiceId: string, amount: number) {
  const { default: Stripe } = await import("stripe");
  const client = new Stripe("sk_test_fake", {
    host: "127.0.0.1",
    port: Number(new URL(stripe.url).port),
    protocol: "http",
  });
  return client.paymentIntents.create({
    amount,
    currency: "zar",
    payment_method: "pm_ok_outside",
    confirm: true,
    metadata: { customerId, invoiceId, kind: "PAY_NOW" },
  });
}

/** Owed on the ledger = open invoice amounts − unallocated credit: the books balance. */
async function expectBooksBalance(customerId: string) {
  const invoices = await db.invoice.findMany({
    where: { customerId, status: { in: ["OPEN", "PARTIALLY_PAID", "PAID"] } },
  });
  const open = invoices.reduce((s, i) => s + i.total - i.amountPaid - i.amountCredited, 0);
  const credit = await db.payment.aggregate({
    where: { customerId, status: { in: ["SUCCEEDED", "DISPUTED", "REFUNDED"] } },
    _sum: { unallocated: true },
  });
  expect(await balanceOf(customerId)).toBe(open - (credit._sum.unallocated ?? 0));
}

describe("delivery", () => {
  test("a wrong or missing signature is refused; an event type not on the allow-list is ignored", async () => {
    const e = stripe.event("payment_intent.succeeded", { id: "pi_x" }, "whsec_other");
    await expect(
      receiveStripeWebhook({ rawBody: e.payload, signature: e.signature }),
    ).rejects.toMatchObject({
      code: "VALIDATION",
    });
    await expect(
      receiveStripeWebhook({ rawBody: e.payload, signature: null }),
    ).rejects.toMatchObject({
      code: "VALIDATION",
    });
    const good = stripe.event("payment_intent.succeeded", { id: "pi_x" }, WEBHOOK_SECRET);
    await expect(
      receiveStripeWebhook({
        rawBody: good.payload.replace("pi_x", "pi_y"),
        signature: good.signature,
      }),
    ).rejects.toMatchObject({ code: "VALIDATION" });
    expect(await deliver(stripe, "customer.created", { id: "cus_1" })).toEqual({
      received: true,
      status: "ignored",
    });
    expect(await db.webhookEvent.count({ where: { type: "customer.created" } })).toBe(0);
  });

  test("succeeded twice, replayed by id, and after payment_failed: exactly one payment", async () => {
    const { customer, invoices } = await cardCustomer(1);
    const intent = await outsideIntent(customer.id, invoices[0].id, invoices[0].total);
    const failedFirst = {
      ...intent,
      status: "requires_payment_method",
      last_payment_error: {
        code: "card_declined",
        decline_code: "do_not_honor",
        message: "Declined",
      },
    };
    // Reordered: Stripe's earlier failure arrives after the success.
    expect(await deliver(stripe, "payment_intent.succeeded", intent, "evt_s1")).toMatchObject({
      status: "queued",
    });
    expect(await deliver(stripe, "payment_intent.succeeded", intent, "evt_s1")).toMatchObject({
      status: "duplicate",
    });
    expect(await deliver(stripe, "payment_intent.succeeded", intent, "evt_s2")).toMatchObject({
      status: "queued",
    });
    expect(
      await deliver(stripe, "payment_intent.payment_failed", failedFirst, "evt_f1"),
    ).toMatchObject({ status: "queued" });
    const rows = await attemptsOf(customer.id);
    expect(rows.map((r) => [r.status, r.externalId])).toEqual([["SUCCEEDED", intent.id]]);
    expect(await invoiceState(invoices[0].id)).toMatchObject({ status: "PAID" });
    expect(
      await db.webhookEvent.count({
        where: { externalId: { in: ["evt_s1", "evt_s2", "evt_f1"] } },
      }),
    ).toBe(3);
    await expectBooksBalance(customer.id);
  });

  test("payment_failed first, then succeeded (the customer tried another card): one payment", async () => {
    const { customer, invoices } = await cardCustomer(1, "decline");
    await chargeInvoice({ actor: SYSTEM, invoiceId: invoices[0].id });
    const [attempt] = await attemptsOf(customer.id);
    const pi = stripe.paymentIntents.get(attempt.externalId!)!;
    await deliver(stripe, "payment_intent.payment_failed", pi);
    const later = {
      ...pi,
      status: "succeeded",
      amount_received: pi.amount,
      last_payment_error: null,
    };
    await deliver(stripe, "payment_intent.succeeded", later);
    await deliver(stripe, "payment_intent.payment_failed", pi);
    expect((await attemptsOf(customer.id)).map((r) => r.status)).toEqual(["SUCCEEDED"]);
    expect(await invoiceState(invoices[0].id)).toMatchObject({ status: "PAID" });
    await expectBooksBalance(customer.id);
  });

  test("concurrent duplicate deliveries record one payment", async () => {
    const { customer, invoices } = await cardCustomer(1);
    const intent = await outsideIntent(customer.id, invoices[0].id, invoices[0].total);
    await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        deliver(stripe, "payment_intent.succeeded", intent, i % 2 ? "evt_dup_a" : `evt_dup_${i}`),
      ),
    );
    expect(await attemptsOf(customer.id)).toHaveLength(1);
    await expectBooksBalance(customer.id);
  });
});

describe("refunds and disputes", () => {
  test("a partial card refund goes through Stripe once; charge.refunded does not record it again", async () => {
    const { customer, invoices } = await cardCustomer(1);
    await chargeInvoice({ actor: SYSTEM, invoiceId: invoices[0].id });
    const [p] = await attemptsOf(customer.id);
    await createRefund({ actor: accounts, paymentId: p.id, amount: 5000, reason: "goodwill" });
    const [refund] = [...stripe.refunds.values()].filter((r) => r.payment_intent === p.externalId);
    expect(refund).toMatchObject({ amount: 5000 });
    await deliver(stripe, "charge.refunded", {
      id: "ch_1",
      object: "charge",
      payment_intent: p.externalId,
    });
    expect(await db.refund.findMany({ where: { paymentId: p.id } })).toEqual([
      expect.objectContaining({ amount: 5000, externalId: refund.id, reason: "goodwill" }),
    ]);
    expect(await invoiceState(invoices[0].id)).toMatchObject({ status: "PARTIALLY_PAID" });
    // A refund made in the Stripe Dashboard arrives only by webhook.
    stripe.refunds.set("re_dash", {
      id: "re_dash",
      amount: 1000,
      payment_intent: p.externalId,
      status: "succeeded",
      metadata: {},
    });
    await deliver(stripe, "charge.refunded", {
      id: "ch_1",
      object: "charge",
      payment_intent: p.externalId,
    });
    await deliver(stripe, "charge.refunded", {
      id: "ch_1",
      object: "charge",
      payment_intent: p.externalId,
    });
    expect(await db.refund.count({ where: { paymentId: p.id } })).toBe(2);
    await expect(
      createRefund({
        actor: accounts,
        paymentId: p.id,
        amount: invoices[0].total,
        reason: "too much",
      }),
    ).rejects.toMatchObject({ code: "UNPROCESSABLE" });
    await expectBooksBalance(customer.id);
  });

  test("a manual payment is refunded as a manual refund, without Stripe", async () => {
    const { customer } = await cardCustomer(1);
    const p = await recordManualPayment({
      actor: accounts,
      customerId: customer.id,
      amount: 10000,
      currency: "ZAR",
      method: "EFT",
      receivedOn: "2026-03-01",
    });
    const before = stripe.refunds.size;
    const after = await createRefund({ actor: admin, paymentId: p.id, reason: "paid twice" });
    expect(after).toMatchObject({ status: "REFUNDED", refunded: 10000 });
    expect(stripe.refunds.size).toBe(before);
    await expect(
      createRefund({ actor: support, paymentId: p.id, reason: "x" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expectBooksBalance(customer.id);
  });

  test("a dispute marks the payment DISPUTED and emails ACCOUNTS once; lost reverses it and re-opens the invoice", async () => {
    await db.user.create({
      data: { email: "accounts@valley.example", name: "Ann", role: "ACCOUNTS" },
    });
    const { customer, invoices } = await cardCustomer(1);
    await chargeInvoice({ actor: SYSTEM, invoiceId: invoices[0].id });
    const [p] = await attemptsOf(customer.id);
    const dispute = {
      id: "dp_1",
      object: "dispute",
      amount: p.amount,
      payment_intent: p.externalId,
      reason: "fraudulent",
      status: "needs_response",
    };
    await deliver(stripe, "charge.dispute.created", dispute);
    await deliver(stripe, "charge.dispute.created", dispute);
    expect(await db.payment.findUniqueOrThrow({ where: { id: p.id } })).toMatchObject({
      status: "DISPUTED",
    });
    expect(
      await db.notification.count({
        where: { to: "accounts@valley.example", subject: { contains: "disputed" } },
      }),
    ).toBe(1);
    await deliver(stripe, "charge.dispute.closed", { ...dispute, status: "lost" });
    await deliver(stripe, "charge.dispute.closed", { ...dispute, status: "lost" });
    expect(await db.payment.findUniqueOrThrow({ where: { id: p.id } })).toMatchObject({
      status: "REVERSED",
    });
    expect(await invoiceState(invoices[0].id)).toMatchObject({ status: "OPEN", amountPaid: 0 });
    await expectBooksBalance(customer.id);
  });

  test("a won dispute puts the payment back", async () => {
    const { customer, invoices } = await cardCustomer(1);
    await chargeInvoice({ actor: SYSTEM, invoiceId: invoices[0].id });
    const [p] = await attemptsOf(customer.id);
    const dispute = {
      id: "dp_2",
      object: "dispute",
      amount: p.amount,
      payment_intent: p.externalId,
      reason: "general",
      status: "won",
    };
    await deliver(stripe, "charge.dispute.created", { ...dispute, status: "needs_response" });
    await deliver(stripe, "charge.dispute.closed", dispute);
    expect(await db.payment.findUniqueOrThrow({ where: { id: p.id } })).toMatchObject({
      status: "SUCCEEDED",
    });
    expect(await invoiceState(invoices[0].id)).toMatchObject({ status: "PAID" });
  });
});

describe("cards", () => {
  test("attached, automatically updated and detached cards follow Stripe", async () => {
    const { customer, stripeCustomerId, method } = await cardCustomer(1);
    const card = {
      id: "pm_ok_new",
      object: "payment_method",
      type: "card",
      customer: stripeCustomerId,
      card: { brand: "mastercard", last4: "4444", exp_month: 1, exp_year: 2027 },
    };
    await deliver(stripe, "payment_method.attached", card);
    await deliver(stripe, "payment_method.attached", card);
    const added = await db.paymentMethod.findUniqueOrThrow({
      where: { stripePaymentMethodId: "pm_ok_new" },
    });
    expect(added).toMatchObject({ customerId: customer.id, isDefault: false, cardLast4: "4444" });
    await deliver(stripe, "payment_method.automatically_updated", {
      ...card,
      card: { ...card.card, exp_year: 2031 },
    });
    expect(await db.paymentMethod.findUniqueOrThrow({ where: { id: added.id } })).toMatchObject({
      cardExpYear: 2031,
    });
    // The default card goes: the other card becomes the default.
    await deliver(stripe, "payment_method.detached", {
      id: method.stripePaymentMethodId,
      object: "payment_method",
      type: "card",
      customer: null,
    });
    const left = await db.paymentMethod.findMany({ where: { customerId: customer.id } });
    expect(left.map((m) => [m.stripePaymentMethodId, m.isDefault])).toEqual([["pm_ok_new", true]]);
  });
});
