// How a rail refund ended, as the provider says: DONE books the refund (refundPayment: the ledger
// entry, money taken off invoices if the credit does not cover it) under the provider's id as the
// refund's unique `externalId`, so a webhook, its replay and the status query book it once;
// FAILED books nothing (the money never left) and frees the amount to be refunded again.
import "server-only";
import { SYSTEM } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { now } from "@/lib/time/clock";
import { refundPayment } from "../../refund-payment";

export type RailRefundOutcome = { done: true } | { done: false; reason: string };

export async function settleRailRefund(railRefundId: string, outcome: RailRefundOutcome) {
  const rr = await db.railRefund.findUniqueOrThrow({ where: { id: railRefundId } });
  if (rr.status !== "PENDING") return rr.status;
  if (!outcome.done) {
    await db.railRefund.updateMany({
      where: { id: rr.id, status: "PENDING" },
      data: { status: "FAILED", failureReason: outcome.reason.slice(0, 500), settledAt: now() },
    });
    return "FAILED" as const;
  }
  const externalId = `${rr.rail.toLowerCase()}-refund:${rr.providerRef ?? rr.id}`;
  try {
    await refundPayment({
      actor: SYSTEM,
      paymentId: rr.paymentId,
      amount: rr.amount,
      reason: rr.reason ?? undefined,
      externalId,
    });
  } catch (e) {
    if (!(e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002")) throw e;
  }
  const refund = await db.refund.findUniqueOrThrow({ where: { externalId }, select: { id: true } });
  await db.railRefund.updateMany({
    where: { id: rr.id, status: "PENDING" },
    data: { status: "DONE", refundId: refund.id, settledAt: now() },
  });
  return "DONE" as const;
}
