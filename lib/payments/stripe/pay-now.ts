// Pay now: the customer pays on-session with Stripe's Payment Element, from the portal (one
// invoice or the whole balance) or from a signed pay link (no sign-in). The attempt is a PENDING
// payment recorded before the PaymentIntent exists (its id is in the intent's metadata), and the
// intent is settled by settlePaymentIntent — from the webhook, from the page Stripe returns to,
// or from the janitor — so however the news arrives it becomes one payment. Which methods the
// Payment Element offers is configuration (`stripePaymentMethodTypes`), not code.
import "server-only";
import type Stripe from "stripe";
import { assertCustomerAccess, type Actor } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError, notFound } from "@/lib/errors";
import { stripeClient } from "@/lib/payment-methods/stripe-client";
import { getSettings } from "@/lib/settings/get-settings";
import { now } from "@/lib/time/clock";
import { readPayLinkToken } from "../pay-link";
import { lockCustomerTx } from "../lock-customer-tx";
import { payNowKey } from "./attempt-key";
import { settlePaymentIntent } from "./settle-payment-intent";

const OPEN = ["OPEN", "PARTIALLY_PAID"] as const;

/** Stripe's methods for the Payment Element, from the ISP's setting. */
export function paymentMethodParams(types: string[]): Partial<Stripe.PaymentIntentCreateParams> {
  if (types.includes("automatic")) return { automatic_payment_methods: { enabled: true } };
  return {
    allowed_payment_method_types: [
      "card",
      ...types.filter((t) => t !== "card"),
    ] as Stripe.PaymentIntentCreateParams.AllowedPaymentMethodType[],
  };
}

/** True when the SDK talks to the local fake Stripe: the pages offer a server-side test confirm. */
export const isFakeStripe = () => Boolean(env.STRIPE_API_BASE);

export type PayNowStart = {
  paymentId: string;
  clientSecret: string;
  publishableKey: string;
  amount: number;
  currency: string;
  testMode: boolean;
};

async function startAttempt(customerId: string, invoiceIds: string[] | null): Promise<PayNowStart> {
  const prepared = await db.$transaction(async (tx) => {
    const customer = await lockCustomerTx(tx, customerId);
    const invoices = await tx.invoice.findMany({
      where: {
        customerId,
        status: { in: [...OPEN] },
        ...(invoiceIds ? { id: { in: invoiceIds } } : {}),
      },
      select: { id: true, total: true, amountPaid: true, amountCredited: true },
    });
    const amount = invoices.reduce((s, i) => s + i.total - i.amountPaid - i.amountCredited, 0);
    if (amount <= 0) throw new AppError("CONFLICT", "Nothing is left to pay.");
    const row = await tx.payment.create({
      data: {
        customerId,
        amount,
        currency: customer.currency,
        method: "CARD",
        provider: "STRIPE",
        status: "PENDING",
        attemptKind: "PAY_NOW",
        attemptInvoiceId: invoiceIds?.length === 1 ? invoiceIds[0] : null,
        createdAt: now(),
        receivedAt: now(),
      },
    });
    const stripeCustomer = await tx.customer.findUniqueOrThrow({
      where: { id: customerId },
      select: { stripeCustomerId: true },
    });
    return {
      row,
      amount,
      currency: customer.currency,
      stripeCustomerId: stripeCustomer.stripeCustomerId,
    };
  });
  const s = await getSettings();
  const intent = await stripeClient().paymentIntents.create(
    {
      amount: prepared.amount,
      currency: prepared.currency.toLowerCase(),
      ...(prepared.stripeCustomerId ? { customer: prepared.stripeCustomerId } : {}),
      ...paymentMethodParams(s.stripePaymentMethodTypes),
      metadata: {
        paymentId: prepared.row.id,
        customerId,
        kind: "PAY_NOW",
        ...(invoiceIds ? { invoiceIds: invoiceIds.join(",") } : {}),
      },
    },
    { idempotencyKey: payNowKey(prepared.row.id) },
  );
  await db.payment.update({ where: { id: prepared.row.id }, data: { externalId: intent.id } });
  return {
    paymentId: prepared.row.id,
    clientSecret: intent.client_secret!,
    publishableKey: env.STRIPE_PUBLISHABLE_KEY!,
    amount: prepared.amount,
    currency: prepared.currency,
    testMode: isFakeStripe(),
  };
}

/** The invoice behind a pay link, for the public page; a friendly reason instead of an error. */
export async function getPayLinkInvoice({ token }: { token: string }) {
  const link = readPayLinkToken(token);
  if (!link) return { state: "invalid" as const };
  if (link.expired) return { state: "expired" as const };
  const invoice = await db.invoice.findUnique({
    where: { id: link.invoiceId },
    select: {
      id: true,
      number: true,
      status: true,
      currency: true,
      dueDate: true,
      total: true,
      amountPaid: true,
      amountCredited: true,
      customer: { select: { firstName: true } },
    },
  });
  if (!invoice) return { state: "invalid" as const };
  return {
    state: "ok" as const,
    invoice: {
      id: invoice.id,
      number: invoice.number,
      status: invoice.status,
      currency: invoice.currency,
      dueDate: invoice.dueDate.toISOString().slice(0, 10),
      total: invoice.total,
      open: invoice.total - invoice.amountPaid - invoice.amountCredited,
      firstName: invoice.customer.firstName,
    },
    expiresAt: link.expiresAt.toISOString(),
  };
}

/** Starts paying the invoice of a pay link (whoever holds the link may pay it). */
export async function startPayLinkPayment({ token }: { token: string }) {
  const link = readPayLinkToken(token);
  if (!link || link.expired)
    throw new AppError("NOT_FOUND", "This pay link is not valid any more.");
  const invoice = await db.invoice.findUnique({
    where: { id: link.invoiceId },
    select: { customerId: true },
  });
  if (!invoice) throw notFound("Invoice");
  return startAttempt(invoice.customerId, [link.invoiceId]);
}

export type StartPortalPaymentOptions = { actor: Actor; customerId: string; invoiceId?: string };

/** Starts paying one of the customer's open invoices, or their whole open balance. */
export async function startPortalPayment({
  actor,
  customerId,
  invoiceId,
}: StartPortalPaymentOptions) {
  assertCustomerAccess(actor, customerId, "payments:write");
  if (invoiceId) {
    const inv = await db.invoice.findFirst({
      where: { id: invoiceId, customerId },
      select: { id: true },
    });
    if (!inv) throw notFound("Invoice");
  }
  return startAttempt(customerId, invoiceId ? [invoiceId] : null);
}

/**
 * Stripe sent the customer back (`?payment_intent=pi_…`), or the page polls after confirming:
 * ask Stripe and settle. Safe for anyone to trigger — it only records what Stripe says.
 */
export async function finishPayNow({ intentId }: { intentId: string }) {
  if (!/^pi_[A-Za-z0-9_]{1,200}$/.test(intentId))
    throw new AppError("VALIDATION", "Not a payment.");
  const row = await db.payment.findUnique({
    where: { externalId: intentId },
    select: { id: true },
  });
  if (!row) throw notFound("Payment");
  const intent = await stripeClient().paymentIntents.retrieve(intentId);
  return settlePaymentIntent({ intent });
}

/**
 * Tests and the offline demo only (STRIPE_API_BASE points at the fake Stripe, which has no
 * browser Payment Element): confirms the attempt server-side with a test card, as Stripe.js
 * would in the browser, then settles it. Refused against real Stripe.
 */
export async function confirmTestPayment({
  paymentId,
  card = "pm_card_visa",
}: {
  paymentId: string;
  card?: string;
}) {
  if (!isFakeStripe()) throw new AppError("NOT_FOUND", "Not available.");
  const row = await db.payment.findUnique({
    where: { id: paymentId },
    select: { externalId: true, status: true },
  });
  if (!row?.externalId || row.status !== "PENDING") throw notFound("Payment");
  const stripe = stripeClient();
  try {
    await stripe.paymentIntents.confirm(row.externalId, { payment_method: card });
  } catch {
    // A declined test card: the intent now carries the error; settling records it.
  }
  return settlePaymentIntent({ intent: await stripe.paymentIntents.retrieve(row.externalId) });
}

/** What the portal's pay page offers: one open invoice, or every open invoice. */
export async function getPayNowSummary({
  actor,
  customerId,
  invoiceId,
}: StartPortalPaymentOptions) {
  assertCustomerAccess(actor, customerId, "payments:read");
  const invoices = await db.invoice.findMany({
    where: { customerId, status: { in: [...OPEN] }, ...(invoiceId ? { id: invoiceId } : {}) },
    orderBy: [{ dueDate: "asc" }, { number: "asc" }],
    select: {
      id: true,
      number: true,
      dueDate: true,
      currency: true,
      total: true,
      amountPaid: true,
      amountCredited: true,
    },
  });
  return invoices.map((i) => ({
    id: i.id,
    number: i.number,
    dueDate: i.dueDate.toISOString().slice(0, 10),
    currency: i.currency,
    open: i.total - i.amountPaid - i.amountCredited,
  }));
}
