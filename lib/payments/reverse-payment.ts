// Reverses a payment that did not stand: a bounced cheque, a returned debit, a mistaken entry.
// Its allocations are released (the invoices re-open: PAID → PARTIALLY_PAID → OPEN), a reversing
// ledger entry (`payment_reversal:<id>`) puts the amount back on the balance, the reason is
// audited and `payment.reversed` goes to webhook endpoints. Card payments are refunded instead.
import { z } from "zod";
import { db, type Tx } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError, notFound } from "@/lib/errors";
import { settlementStatus } from "@/lib/invoices/settlement-status";
import { todayForIsp } from "@/lib/billing/billing-settings";
import { now } from "@/lib/time/clock";
import { toDbDate } from "@/lib/time/dates";
import { announcePaymentTx } from "./announce-payment-tx";
import { loadPaymentTx } from "./load-payment-tx";
import { lockCustomerTx } from "./lock-customer-tx";

export const reversalReasonSchema = z
  .string()
  .trim()
  .min(1, "Give a reason, e.g. cheque returned unpaid")
  .max(500);

export type ReversePaymentOptions = { actor: Actor; paymentId: string; reason: string };

export async function reversePayment({ actor, paymentId, reason }: ReversePaymentOptions) {
  assertCan(actor, "payments:write");
  const why = reversalReasonSchema.safeParse(reason);
  if (!why.success)
    throw new AppError("VALIDATION", "Give a reason for the reversal.", {
      reason: why.error.issues[0].message,
    });
  return db.$transaction((tx) => reversePaymentTx(tx, { actor, paymentId, reason: why.data }));
}

/**
 * The reversal inside the caller's transaction. `lostDispute`: a card payment whose dispute the
 * ISP lost (Stripe took the money back), the one case a card payment is reversed.
 */
export async function reversePaymentTx(
  tx: Tx,
  opts: { actor: Actor; paymentId: string; reason: string; lostDispute?: boolean },
) {
  const { actor, paymentId } = opts;
  const first = await tx.payment.findUnique({
    where: { id: paymentId },
    select: { customerId: true, allocations: { select: { invoiceId: true } } },
  });
  if (!first) throw notFound("Payment");
  await lockCustomerTx(tx, first.customerId);
  await tx.$queryRawUnsafe(
    `SELECT id FROM "Invoice" WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE`,
    first.allocations.map((a) => a.invoiceId),
  );
  await tx.$queryRawUnsafe(`SELECT id FROM "Payment" WHERE id = $1 FOR UPDATE`, paymentId);
  const p = await tx.payment.findUniqueOrThrow({
    where: { id: paymentId },
    include: { allocations: { include: { invoice: true } }, refunds: { select: { id: true } } },
  });
  if (p.status !== (opts.lostDispute ? "DISPUTED" : "SUCCEEDED"))
    throw new AppError(
      "CONFLICT",
      `This payment is ${p.status.toLowerCase()}; only a received payment can be reversed.`,
    );
  if (p.provider === "STRIPE" && !opts.lostDispute)
    throw new AppError("CONFLICT", "Card payments are refunded, not reversed.");
  if (p.refunds.length)
    throw new AppError("CONFLICT", "Part of this payment was refunded; it cannot be reversed.");
  for (const a of p.allocations) {
    const amountPaid = a.invoice.amountPaid - a.amount;
    await tx.paymentAllocation.delete({ where: { id: a.id } });
    await tx.invoice.update({
      where: { id: a.invoiceId },
      data: { amountPaid, status: settlementStatus({ ...a.invoice, amountPaid }) },
    });
  }
  await tx.payment.update({
    where: { id: p.id },
    data: {
      status: "REVERSED",
      unallocated: 0,
      reversedAt: now(),
      reversalReason: opts.reason,
      receiptPdf: null,
    },
  });
  await tx.ledgerEntry.create({
    data: {
      customerId: p.customerId,
      kind: "PAYMENT_REVERSAL",
      sourceKey: `payment_reversal:${p.id}`,
      amount: p.amount,
      currency: p.currency,
      description: `Payment ${p.number} reversed: ${opts.reason}`,
      effectiveDate: toDbDate(await todayForIsp(tx)),
      paymentId: p.id,
      createdById: actor.kind === "system" ? null : actor.id,
    },
  });
  await announcePaymentTx(tx, "payment.reversed", p.id);
  await recordAudit(
    {
      actor,
      action: "payment.reverse",
      entityType: "Payment",
      entityId: p.id,
      customerId: p.customerId,
      data: {
        number: p.number,
        amount: p.amount,
        reason: opts.reason,
        reopened: p.allocations.map((a) => ({ invoice: a.invoice.number, amount: a.amount })),
      },
    },
    tx,
  );
  return loadPaymentTx(tx, p.id);
}
