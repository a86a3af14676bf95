// Gives money back from a received payment (ACCOUNTS, ADMIN; API and the payment's admin page).
// A card payment is refunded through Stripe first — with an idempotency key naming the payment
// and how much was refunded before, so a retried request refunds once — and recorded by the
// Stripe refund's id (the charge.refunded webhook then finds it recorded). Any other payment is
// recorded as a manual refund (the money went back by EFT or cash). Money received by Pix or
// M-PESA goes back on that rail (rails/refunds/request-rail-refund.ts), booked when confirmed. Either way refundPayment
// posts the ledger entry and takes the money off invoices if the credit does not cover it.
import "server-only";
import { z } from "zod";
import Stripe from "stripe";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { stripeClient } from "@/lib/payment-methods/stripe-client";
import { loadPaymentTx } from "./load-payment-tx";
import { railOrigin, requestRailRefund } from "./rails/refunds/request-rail-refund";
import { refundPayment } from "./refund-payment";
import { refundSchema } from "./refund-schema";

export type CreateRefundOptions = { actor: Actor; paymentId: string } & z.input<
  typeof refundSchema
>;

export async function createRefund({ actor, paymentId, ...input }: CreateRefundOptions) {
  assertCan(actor, "payments:write");
  const data = refundSchema.parse(input);
  const payment = await db.payment.findUnique({
    where: { id: paymentId },
    include: { refunds: { select: { amount: true } } },
  });
  if (!payment) throw notFound("Payment");
  if (payment.status !== "SUCCEEDED")
    throw new AppError("CONFLICT", `A ${payment.status.toLowerCase()} payment cannot be refunded.`);
  const refunded = payment.refunds.reduce((s, r) => s + r.amount, 0);
  const amount = data.amount ?? payment.amount - refunded;
  if (amount <= 0 || amount > payment.amount - refunded)
    throw new AppError("UNPROCESSABLE", `At most ${payment.amount - refunded} can be refunded.`, {
      amount: `at most ${payment.amount - refunded}`,
    });
  if (railOrigin(payment)) {
    // Money that came by Pix or M-PESA goes back the same way; booked when the provider confirms.
    await requestRailRefund({ actor, paymentId, amount, reason: data.reason });
    return db.$transaction((tx) => loadPaymentTx(tx, paymentId));
  }
  let externalId: string | undefined;
  if (payment.provider === "STRIPE") {
    if (!payment.externalId)
      throw new AppError("CONFLICT", "This card payment has no Stripe record.");
    try {
      const refund = await stripeClient().refunds.create(
        {
          payment_intent: payment.externalId,
          amount,
          metadata: { paymentId, reason: data.reason },
        },
        { idempotencyKey: `refund:${paymentId}:${refunded}:${amount}` },
      );
      externalId = refund.id;
    } catch (e) {
      if (e instanceof Stripe.errors.StripeError)
        throw new AppError("UNPROCESSABLE", `Stripe refused the refund: ${e.message}`);
      throw e;
    }
    const known = await db.refund.findUnique({ where: { externalId }, select: { id: true } });
    if (known) return db.$transaction((tx) => loadPaymentTx(tx, paymentId)); // webhook was first
  }
  try {
    await refundPayment({ actor, paymentId, amount, reason: data.reason, externalId });
  } catch (e) {
    // The charge.refunded webhook recorded this Stripe refund in the meantime.
    if (!(externalId && e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002"))
      throw e;
  }
  return db.$transaction((tx) => loadPaymentTx(tx, paymentId));
}
