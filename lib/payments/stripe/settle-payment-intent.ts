// The one place a Stripe PaymentIntent becomes money on our books, whoever reports it: the
// webhook, the janitor, the charge sweep's own answer or the pay-now return. Idempotent and
// order-proof: under the customer's lock the attempt row only moves forward (PENDING → FAILED or
// SUCCEEDED, FAILED → SUCCEEDED when the intent later succeeds with another card); a succeeded
// attempt is never touched again, so a replayed, duplicated or late `payment_failed` leaves
// exactly one payment. An intent we have no row for (it succeeded before our record committed,
// or was made outside Lastmile for a known Stripe customer) is recorded from its metadata.
import "server-only";
import type Stripe from "stripe";
import { db, type Tx } from "@/lib/db";
import { announcePaymentTx } from "../announce-payment-tx";
import { lockCustomerTx } from "../lock-customer-tx";
import { intentOutcome } from "./intent-outcome";
import { queueAuthenticationEmailTx } from "./queue-authentication-email-tx";
import { settleSucceededIntentsTx } from "./settle-succeeded-intents-tx";

// Duplicate deliveries of one intent queue on the customer's lock inside their transactions; a
// busy database must not turn that wait into a failed delivery (Stripe would retry, but later).
const SETTLE_TX = { maxWait: 10_000, timeout: 30_000 };

export type SettlePaymentIntentOptions = { intent: Stripe.PaymentIntent };

export type SettleResult =
  | { result: "received"; paymentId: string }
  | { result: "failed"; paymentId: string; reason: string; authenticationRequired: boolean }
  | { result: "unchanged"; paymentId: string | null; status: string };

const idOf = (v: string | { id: string } | null | undefined) =>
  v == null ? null : typeof v === "string" ? v : v.id;

async function findCustomerId(tx: Tx, intent: Stripe.PaymentIntent) {
  const byRow = await tx.payment.findFirst({
    where: {
      OR: [
        { externalId: intent.id },
        ...(intent.metadata?.paymentId ? [{ id: intent.metadata.paymentId }] : []),
        ...(intent.metadata?.attemptKey ? [{ idempotencyKey: intent.metadata.attemptKey }] : []),
      ],
      provider: "STRIPE",
    },
    select: { customerId: true },
  });
  if (byRow) return byRow.customerId;
  if (intent.metadata?.customerId) {
    const c = await tx.customer.findUnique({
      where: { id: intent.metadata.customerId },
      select: { id: true },
    });
    if (c) return c.id;
  }
  const stripeCustomer = idOf(intent.customer);
  if (!stripeCustomer) return null;
  const c = await tx.customer.findUnique({
    where: { stripeCustomerId: stripeCustomer },
    select: { id: true },
  });
  return c?.id ?? null;
}

/** The attempt row, locked (a failure for an intent we have no record of changes nothing). */
async function lockAttempt(tx: Tx, intent: Stripe.PaymentIntent, customerId: string) {
  const [row] = await tx.$queryRawUnsafe<{ id: string }[]>(
    `SELECT id FROM "Payment" WHERE provider = 'STRIPE' AND "customerId" = $1
        AND ("externalId" = $2 OR id = $3 OR "idempotencyKey" = $4)
      ORDER BY ("externalId" = $2) DESC NULLS LAST LIMIT 1 FOR UPDATE`,
    customerId,
    intent.id,
    intent.metadata?.paymentId ?? "",
    intent.metadata?.attemptKey ?? "",
  );
  if (row) return tx.payment.findUniqueOrThrow({ where: { id: row.id } });
  return null;
}

export async function settlePaymentIntent({
  intent,
}: SettlePaymentIntentOptions): Promise<SettleResult> {
  const outcome = intentOutcome(intent);
  // Money taken: the bulk booking of one (a batch of webhook events books many the same way).
  if (outcome.kind === "succeeded")
    return db.$transaction(
      async (tx) => (await settleSucceededIntentsTx(tx, [intent])).get(intent.id)!,
      SETTLE_TX,
    );
  return db.$transaction(async (tx) => {
    const customerId = await findCustomerId(tx, intent);
    if (!customerId) return { result: "unchanged", paymentId: null, status: "not ours" };
    await lockCustomerTx(tx, customerId);
    const row = await lockAttempt(tx, intent, customerId);
    if (!row) return { result: "unchanged", paymentId: null, status: "no attempt recorded" };
    if (row.status !== "PENDING")
      return { result: "unchanged", paymentId: row.id, status: row.status };
    if (outcome.kind === "pending")
      return { result: "unchanged", paymentId: row.id, status: row.status };
    if (outcome.kind === "requires_action" && row.attemptKind !== "AUTO_PAY")
      return { result: "unchanged", paymentId: row.id, status: row.status }; // the customer is on it

    const reason = outcome.kind === "failed" ? outcome.reason : "authentication_required";
    const authenticationRequired =
      outcome.kind === "requires_action" || outcome.authenticationRequired;
    await tx.payment.update({
      where: { id: row.id },
      data: { status: "FAILED", failureReason: reason.slice(0, 500), externalId: intent.id },
    });
    await announcePaymentTx(tx, "payment.failed", row.id);
    if (authenticationRequired && row.attemptKind === "AUTO_PAY" && row.attemptInvoiceId)
      await queueAuthenticationEmailTx(tx, { paymentId: row.id, invoiceId: row.attemptInvoiceId });
    return { result: "failed", paymentId: row.id, reason, authenticationRequired };
  }, SETTLE_TX);
}
