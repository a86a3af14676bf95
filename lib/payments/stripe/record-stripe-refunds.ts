// Refunds Stripe reports (charge.refunded — ours, or made in the Stripe Dashboard) become refunds
// on our books once each: keyed by the Stripe refund id (Refund.externalId is unique), so a
// webhook racing the API call that made the refund records it once.
import "server-only";
import type Stripe from "stripe";
import { SYSTEM } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/log";
import { refundPayment } from "../refund-payment";

const isUniqueViolation = (e: unknown) =>
  e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002";

export async function recordStripeRefunds(opts: {
  paymentIntentId: string;
  refunds: Pick<Stripe.Refund, "id" | "amount" | "status" | "metadata" | "reason">[];
}) {
  const payment = await db.payment.findUnique({
    where: { externalId: opts.paymentIntentId },
    select: { id: true },
  });
  if (!payment) return { recorded: 0, reason: "unknown payment" };
  let recorded = 0;
  for (const r of opts.refunds) {
    if (r.status !== "succeeded" && r.status !== "pending") continue;
    if (await db.refund.findUnique({ where: { externalId: r.id }, select: { id: true } })) continue;
    try {
      await refundPayment({
        actor: SYSTEM,
        paymentId: payment.id,
        amount: r.amount,
        reason: r.metadata?.reason || r.reason || "refunded at Stripe",
        externalId: r.id,
      });
      recorded++;
    } catch (e) {
      if (isUniqueViolation(e)) continue; // recorded by the request that made it
      if (e instanceof AppError && e.code === "CONFLICT") {
        logger.warn(
          { refund: r.id, err: e.message },
          "Stripe refund on a payment we cannot refund",
        );
        continue;
      }
      throw e;
    }
  }
  return { recorded };
}
