// Auto-pay: charges a customer's default card off-session for one invoice (Stripe
// `off_session: true, confirm: true`). The attempt is recorded as a PENDING payment with its
// idempotency key (`invoice:<id>:attempt:<n>`) and committed BEFORE Stripe is called, so a crash
// between the two leaves a row the next sweep re-sends with the same key (Stripe answers with
// the first PaymentIntent, charging nothing twice) and the janitor can ask Stripe about. The
// answer — or Stripe's card error, which carries the failed intent — goes through
// settlePaymentIntent like every other report of the intent. Customer credit is spent on the
// invoice first, so only what is still open is charged.
import "server-only";
import Stripe from "stripe";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { db, type Tx } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { logger } from "@/lib/log";
import { now } from "@/lib/time/clock";
import { stripeClient } from "@/lib/payment-methods/stripe-client";
import { allocatePaymentTx } from "../allocate-payment-tx";
import { lockCustomerTx } from "../lock-customer-tx";
import { attemptKey } from "./attempt-key";
import { failAttemptTx } from "./fail-attempt-tx";
import { settlePaymentIntent, type SettleResult } from "./settle-payment-intent";

export type ChargeInvoiceOptions = { actor: Actor; invoiceId: string };

export type ChargeResult =
  | { result: "skipped"; reason: string }
  | { result: "unknown"; paymentId: string; error: string }
  | SettleResult;

export type Prepared = {
  paymentId: string;
  key: string;
  amount: number;
  currency: string;
  stripeCustomerId: string;
  stripePaymentMethodId: string;
  customerId: string;
  invoiceNumber: string | null;
  /** An arrangement instalment's attempt (no single invoice): named in the intent's metadata. */
  instalment?: { id: string; arrangementId: string; number: number };
};

export async function spendCreditTx(tx: Tx, customerId: string, invoiceId: string) {
  const credits = await tx.payment.findMany({
    where: { customerId, status: "SUCCEEDED", unallocated: { gt: 0 } },
    orderBy: [{ receivedOn: "asc" }, { id: "asc" }],
    select: { id: true },
  });
  for (const c of credits)
    await allocatePaymentTx(tx, { paymentId: c.id, customerId, onlyInvoiceIds: [invoiceId] });
}

/** The attempt to send: the PENDING one left by a killed run, or a new one. */
async function prepareAttempt(invoiceId: string): Promise<Prepared | { skip: string }> {
  return db.$transaction(async (tx) => {
    const first = await tx.invoice.findUnique({
      where: { id: invoiceId },
      select: { customerId: true },
    });
    if (!first) throw notFound("Invoice");
    await lockCustomerTx(tx, first.customerId);
    const customer = await tx.customer.findUniqueOrThrow({
      where: { id: first.customerId },
      select: { stripeCustomerId: true },
    });
    const pending = await tx.payment.findFirst({
      where: { attemptInvoiceId: invoiceId, attemptKind: "AUTO_PAY", status: "PENDING" },
      include: { paymentMethod: { select: { stripePaymentMethodId: true } } },
    });
    const invoice = await tx.invoice.findUniqueOrThrow({ where: { id: invoiceId } });
    if (pending?.idempotencyKey && pending.paymentMethod?.stripePaymentMethodId)
      return {
        paymentId: pending.id,
        key: pending.idempotencyKey,
        amount: pending.amount,
        currency: pending.currency,
        stripeCustomerId: customer.stripeCustomerId!,
        stripePaymentMethodId: pending.paymentMethod.stripePaymentMethodId,
        customerId: first.customerId,
        invoiceNumber: invoice.number,
      };
    if (invoice.status !== "OPEN" && invoice.status !== "PARTIALLY_PAID")
      return { skip: `invoice is ${invoice.status.toLowerCase()}` };
    const card = await tx.paymentMethod.findFirst({
      where: {
        customerId: first.customerId,
        isDefault: true,
        kind: "CARD",
        stripePaymentMethodId: { not: null },
      },
    });
    if (!card || !customer.stripeCustomerId) return { skip: "no default card" };
    await spendCreditTx(tx, first.customerId, invoiceId);
    const fresh = await tx.invoice.findUniqueOrThrow({ where: { id: invoiceId } });
    const open = fresh.total - fresh.amountPaid - fresh.amountCredited;
    if (open <= 0) return { skip: "paid from credit" };
    const last = await tx.payment.aggregate({
      where: { attemptInvoiceId: invoiceId, attemptKind: "AUTO_PAY" },
      _max: { attempt: true },
    });
    const attempt = (last._max.attempt ?? 0) + 1;
    const key = attemptKey(invoiceId, attempt);
    const row = await tx.payment.create({
      data: {
        customerId: first.customerId,
        amount: open,
        currency: fresh.currency,
        method: "CARD",
        provider: "STRIPE",
        status: "PENDING",
        idempotencyKey: key,
        attempt,
        attemptInvoiceId: invoiceId,
        attemptKind: "AUTO_PAY",
        paymentMethodId: card.id,
        reference: fresh.number,
        createdAt: now(),
        receivedAt: now(),
      },
    });
    return {
      paymentId: row.id,
      key,
      amount: open,
      currency: fresh.currency,
      stripeCustomerId: customer.stripeCustomerId,
      stripePaymentMethodId: card.stripePaymentMethodId!,
      customerId: first.customerId,
      invoiceNumber: fresh.number,
    };
  });
}

/**
 * Sends a prepared attempt to Stripe: the intent it answered (succeeded, or failed with the card
 * error's intent) for settling, or the result when there is no intent to settle.
 */
export async function sendAttempt(
  p: Prepared,
  invoiceId: string | null,
): Promise<{ intent: Stripe.PaymentIntent } | ChargeResult> {
  try {
    // Every parameter comes from the attempt row, so a re-send is the identical request Stripe's
    // idempotency key expects.
    const intent = await stripeClient().paymentIntents.create(
      {
        amount: p.amount,
        currency: p.currency.toLowerCase(),
        customer: p.stripeCustomerId,
        payment_method: p.stripePaymentMethodId,
        off_session: true,
        confirm: true,
        description: p.instalment
          ? `Payment arrangement instalment ${p.instalment.number}`
          : p.invoiceNumber
            ? `Invoice ${p.invoiceNumber}`
            : undefined,
        // No row id here: the request must be byte-for-byte the same on a re-send (Stripe refuses
        // a reused key with other parameters), also from a restored database.
        metadata: {
          attemptKey: p.key,
          ...(invoiceId && { invoiceId }),
          ...(p.instalment && {
            arrangementId: p.instalment.arrangementId,
            instalmentId: p.instalment.id,
          }),
          customerId: p.customerId,
          kind: "AUTO_PAY",
        },
      },
      { idempotencyKey: p.key },
    );
    return { intent };
  } catch (e) {
    if (e instanceof Stripe.errors.StripeCardError && e.payment_intent)
      return { intent: e.payment_intent };
    if (
      e instanceof Stripe.errors.StripeCardError ||
      e instanceof Stripe.errors.StripeInvalidRequestError
    ) {
      // Refused before any intent existed (e.g. the card was removed at Stripe): a failed attempt.
      const reason = `${e.code ?? e.type}: ${e.message}`;
      await db.$transaction((tx) => failAttemptTx(tx, { paymentId: p.paymentId, reason }));
      return { result: "failed", paymentId: p.paymentId, reason, authenticationRequired: false };
    }
    // No answer (network, Stripe down): the attempt stays PENDING for the janitor and the next
    // sweep, which re-sends it under the same key.
    logger.warn({ err: e, paymentId: p.paymentId }, "card charge got no answer from Stripe");
    return { result: "unknown", paymentId: p.paymentId, error: (e as Error).message };
  }
}

export async function chargeInvoice({
  actor,
  invoiceId,
}: ChargeInvoiceOptions): Promise<ChargeResult> {
  assertCan(actor, "payments:write");
  const p = await prepareAttempt(invoiceId);
  if ("skip" in p) return { result: "skipped", reason: p.skip };
  const sent = await sendAttempt(p, invoiceId);
  return "intent" in sent ? settlePaymentIntent({ intent: sent.intent }) : sent;
}
