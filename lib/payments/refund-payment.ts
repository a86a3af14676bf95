// A refund gives money back: it posts a ledger entry that raises the balance by the amount, and
// takes the refunded money off invoices (newest allocation first) if the payment's unallocated
// credit does not cover it. A payment refunded in full becomes REFUNDED.
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError, notFound } from "@/lib/errors";
import { now } from "@/lib/time/clock";
import { dateInZone, toDbDate } from "@/lib/time/dates";
import { settlementStatus } from "@/lib/invoices/settlement-status";
import { lockCustomerTx } from "./lock-customer-tx";

export type RefundPaymentOptions = {
  paymentId: string;
  amount: number;
  reason?: string;
  externalId?: string;
  actor: Actor;
};

export async function refundPayment(opts: RefundPaymentOptions) {
  assertCan(opts.actor, "payments:write");
  return db.$transaction(async (tx) => {
    const first = await tx.payment.findUnique({
      where: { id: opts.paymentId },
      select: { customerId: true, allocations: { select: { invoiceId: true } } },
    });
    if (!first) throw notFound("Payment");
    await lockCustomerTx(tx, first.customerId);
    await tx.$queryRawUnsafe(
      `SELECT id FROM "Invoice" WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE`,
      first.allocations.map((a) => a.invoiceId),
    );
    await tx.$queryRawUnsafe(`SELECT id FROM "Payment" WHERE id = $1 FOR UPDATE`, opts.paymentId);
    const payment = await tx.payment.findUniqueOrThrow({
      where: { id: opts.paymentId },
      include: { refunds: true, allocations: { include: { invoice: true } } },
    });
    if (payment.status !== "SUCCEEDED")
      throw new AppError(
        "CONFLICT",
        `A ${payment.status.toLowerCase()} payment cannot be refunded.`,
      );
    const refunded = payment.refunds.reduce((s, r) => s + r.amount, 0);
    if (
      !Number.isSafeInteger(opts.amount) ||
      opts.amount <= 0 ||
      opts.amount > payment.amount - refunded
    ) {
      throw new AppError("UNPROCESSABLE", `At most ${payment.amount - refunded} can be refunded.`, {
        amount: "too much",
      });
    }
    const refund = await tx.refund.create({
      data: {
        paymentId: payment.id,
        amount: opts.amount,
        reason: opts.reason,
        externalId: opts.externalId,
      },
    });
    let release = opts.amount - payment.unallocated;
    let allocated = payment.allocations.reduce((s, a) => s + a.amount, 0);
    for (const a of [...payment.allocations].reverse()) {
      if (release <= 0) break;
      const take = Math.min(release, a.amount);
      if (take === a.amount) await tx.paymentAllocation.delete({ where: { id: a.id } });
      else
        await tx.paymentAllocation.update({
          where: { id: a.id },
          data: { amount: a.amount - take },
        });
      const amountPaid = a.invoice.amountPaid - take;
      await tx.invoice.update({
        where: { id: a.invoiceId },
        data: { amountPaid, status: settlementStatus({ ...a.invoice, amountPaid }) },
      });
      release -= take;
      allocated -= take;
    }
    const totalRefunded = refunded + opts.amount;
    await tx.payment.update({
      where: { id: payment.id },
      data: {
        unallocated: payment.amount - allocated - totalRefunded,
        status: totalRefunded === payment.amount ? "REFUNDED" : "SUCCEEDED",
        receiptPdf: null,
      },
    });
    const settings = await tx.ispSettings.findUniqueOrThrow({
      where: { id: 1 },
      select: { timeZone: true },
    });
    await tx.ledgerEntry.create({
      data: {
        customerId: payment.customerId,
        kind: "REFUND",
        sourceKey: `refund:${refund.id}`,
        amount: opts.amount,
        currency: payment.currency,
        description: `Refund of payment ${payment.number ?? payment.reference ?? ""}`.trim(),
        effectiveDate: toDbDate(dateInZone(now(), settings.timeZone)),
        refundId: refund.id,
        paymentId: payment.id,
      },
    });
    await recordAudit(
      {
        actor: opts.actor,
        action: "payment.refund",
        entityType: "Refund",
        entityId: refund.id,
        customerId: payment.customerId,
        data: { amount: opts.amount },
      },
      tx,
    );
    return refund;
  });
}
