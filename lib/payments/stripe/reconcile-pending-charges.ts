// The janitor (job payments.janitor, after Kill Bill's): a charge attempt still PENDING after
// `olderThanMinutes` means we never heard how it ended — the process died after calling Stripe,
// or the webhook was lost. Stripe is asked: by the intent's id when we have it, else by the
// metadata every intent of ours carries (`attemptKey` or `paymentId`). What Stripe answers is settled like any
// other report; an attempt Stripe has no intent for never reached it and is marked FAILED, so the
// retry schedule takes over. Stored Stripe events whose processing failed are processed again.
import "server-only";
import type Stripe from "stripe";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { logger } from "@/lib/log";
import { now } from "@/lib/time/clock";
import { stripeClient } from "@/lib/payment-methods/stripe-client";
import { failAttemptTx } from "./fail-attempt-tx";
import { intentOutcome } from "./intent-outcome";
import { settlePaymentIntent } from "./settle-payment-intent";
import { processStoredStripeEvents } from "./webhooks/process-stored-stripe-events";

export type ReconcilePendingChargesOptions = { actor: Actor; olderThanMinutes?: number };

async function findIntent(p: {
  id: string;
  externalId: string | null;
  idempotencyKey: string | null;
}) {
  const stripe = stripeClient();
  if (p.externalId?.startsWith("pi_")) return stripe.paymentIntents.retrieve(p.externalId);
  // Auto-pay intents carry their attempt key, pay-now intents our row's id.
  const query = p.idempotencyKey
    ? `metadata['attemptKey']:'${p.idempotencyKey}'`
    : `metadata['paymentId']:'${p.id}'`;
  const found = await stripe.paymentIntents.search({
    query,
    limit: 1,
  });
  return (found.data[0] as Stripe.PaymentIntent | undefined) ?? null;
}

export async function reconcilePendingCharges({
  actor,
  olderThanMinutes = 15,
}: ReconcilePendingChargesOptions) {
  assertCan(actor, "payments:write");
  const before = new Date(now().getTime() - olderThanMinutes * 60_000);
  const pending = await db.payment.findMany({
    where: { provider: "STRIPE", status: "PENDING", createdAt: { lt: before } },
    select: {
      id: true,
      externalId: true,
      idempotencyKey: true,
      attemptKind: true,
      createdAt: true,
    },
    orderBy: { createdAt: "asc" },
    take: 500,
  });
  const t = { checked: pending.length, settled: 0, stillPending: 0, neverReached: 0, errors: 0 };
  for (const p of pending) {
    try {
      const intent = await findIntent(p);
      if (!intent) {
        const failed = await db.$transaction((tx) =>
          failAttemptTx(tx, { paymentId: p.id, reason: "no PaymentIntent at Stripe" }),
        );
        if (failed) t.neverReached++;
        continue;
      }
      if (intentOutcome(intent).kind === "pending") {
        // A pay-now the customer opened and never finished: after a day it is abandoned.
        if (p.attemptKind === "PAY_NOW" && p.createdAt.getTime() < now().getTime() - 86_400_000) {
          await db.$transaction((tx) =>
            failAttemptTx(tx, { paymentId: p.id, reason: "abandoned: not paid within a day" }),
          );
          continue;
        }
        t.stillPending++;
      }
      const r = await settlePaymentIntent({ intent });
      if (r.result !== "unchanged") t.settled++;
    } catch (e) {
      t.errors++;
      logger.warn({ err: e, paymentId: p.id }, "janitor could not reconcile a charge attempt");
    }
  }
  const events = await processStoredStripeEvents({ olderThanMinutes: 1 });
  return { ...t, eventsReprocessed: events.processed };
}
