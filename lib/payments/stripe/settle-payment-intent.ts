// The one place a Stripe PaymentIntent becomes money on our books, whoever reports it: the
// webhook, the janitor, the charge sweep's own answer or the pay-now return. Idempotent and
// order-proof: under the customer's lock the attempt row only moves forward (PENDING → FAILED or
// SUCCEEDED, FAILED → SUCCEEDED when the intent later succeeds with another card); a succeeded
// attempt is never touched again, so a replayed, duplicated or late `payment_failed` leaves
// exactly one payment. An intent we have no row for (it succeeded before our record committed,
// or was made outside Lastmile for a known Stripe customer) is recorded from its metadata.
import "server-only";
import type Stripe from "stripe";
import { SYSTEM } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { db, type Tx } from "@/lib/db";
import { getSettings } from "@/lib/settings/get-settings";
import { now } from "@/lib/time/clock";
import { dateInZone } from "@/lib/time/dates";
import { allocatePaymentTx } from "../allocate-payment-tx";
import { announcePaymentTx } from "../announce-payment-tx";
import { lockCustomerTx } from "../lock-customer-tx";
import { queueReceiptEmailTx } from "../receipt/queue-receipt-email-tx";
import { receiveAttemptTx } from "../receive-payment-tx";
import { intentOutcome } from "./intent-outcome";
import { queueAuthenticationEmailTx } from "./queue-authentication-email-tx";

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

/** The attempt row, locked; created (PENDING) for a succeeded intent we have no record of. */
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
  return db.$transaction(async (tx) => {
    const customerId = await findCustomerId(tx, intent);
    if (!customerId) return { result: "unchanged", paymentId: null, status: "not ours" };
    const customer = await lockCustomerTx(tx, customerId);
    let row = await lockAttempt(tx, intent, customerId);
    if (!row) {
      if (outcome.kind !== "succeeded")
        return { result: "unchanged", paymentId: null, status: "no attempt recorded" };
      row = await tx.payment.create({
        data: {
          customerId,
          amount: outcome.amount,
          currency: customer.currency,
          method: "CARD",
          provider: "STRIPE",
          status: "PENDING",
          externalId: intent.id,
          attemptInvoiceId: intent.metadata?.invoiceId || null,
          attemptKind: intent.metadata?.kind || null,
          reference: intent.id,
        },
      });
    }
    if (row.status !== "PENDING" && !(row.status === "FAILED" && outcome.kind === "succeeded"))
      return { result: "unchanged", paymentId: row.id, status: row.status };
    if (outcome.kind === "pending")
      return { result: "unchanged", paymentId: row.id, status: row.status };
    if (outcome.kind === "requires_action" && row.attemptKind !== "AUTO_PAY")
      return { result: "unchanged", paymentId: row.id, status: row.status }; // the customer is on it

    if (outcome.kind === "succeeded") {
      const at = now();
      const { timeZone } = await getSettings(tx);
      await receiveAttemptTx(tx, {
        paymentId: row.id,
        amount: outcome.amount,
        receivedAt: at,
        receivedOn: dateInZone(at, timeZone),
        externalId: intent.id,
      });
      const chosen = (intent.metadata?.invoiceIds || row.attemptInvoiceId || "")
        .split(",")
        .filter(Boolean);
      const applied = chosen.length
        ? await allocatePaymentTx(tx, { paymentId: row.id, customerId, onlyInvoiceIds: chosen })
        : [];
      applied.push(...(await allocatePaymentTx(tx, { paymentId: row.id, customerId })));
      await announcePaymentTx(tx, "payment.succeeded", row.id);
      await recordAudit(
        {
          actor: SYSTEM,
          action: "payment.card_received",
          entityType: "Payment",
          entityId: row.id,
          customerId,
          data: { intent: intent.id, amount: outcome.amount, allocations: applied },
        },
        tx,
      );
      await queueReceiptEmailTx(tx, row.id);
      return { result: "received", paymentId: row.id };
    }

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
