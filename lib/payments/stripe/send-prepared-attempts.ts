// Sends attempts already committed as PENDING rows (invoices' or instalments') with at most
// `concurrency` Stripe calls in flight, books the succeeded ones together in one transaction and
// settles the rest one at a time (they are few and each may email).
import "server-only";
import type Stripe from "stripe";
import { db } from "@/lib/db";
import { sendAttempt, type ChargeResult, type Prepared } from "./charge-invoice";
import { intentOutcome } from "./intent-outcome";
import { settlePaymentIntent } from "./settle-payment-intent";
import { settleSucceededIntentsTx } from "./settle-succeeded-intents-tx";

/** Runs `fn` over `items` with at most `limit` calls in flight; results in input order. */
async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>) {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, limit) }, worker));
  return out;
}

export async function sendPreparedAttempts(
  toSend: { invoiceId: string | null; p: Prepared }[],
  concurrency: number,
): Promise<ChargeResult[]> {
  const results: ChargeResult[] = [];
  const sent = await mapLimit(toSend, concurrency, ({ invoiceId, p }) => sendAttempt(p, invoiceId));
  const intents: Stripe.PaymentIntent[] = [];
  for (const r of sent) {
    if (!("intent" in r)) results.push(r);
    else if (intentOutcome(r.intent).kind === "succeeded") intents.push(r.intent);
    else results.push(await settlePaymentIntent({ intent: r.intent }));
  }
  const booked = await db.$transaction((tx) => settleSucceededIntentsTx(tx, intents), {
    maxWait: 10_000,
    timeout: 120_000,
  });
  for (const i of intents) results.push(booked.get(i.id)!);
  return results;
}
