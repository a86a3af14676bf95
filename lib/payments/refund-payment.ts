// A refund gives money back: it posts a ledger entry that raises the balance by the amount, and
// takes the refunded money off invoices if the payment's unapplied part does not cover it.
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError, notFound } from "@/lib/errors";
import { now } from "@/lib/time/clock";
import { dateInZone, toDbDate } from "@/lib/time/dates";
import { settlementStatus } from "@/lib/invoices/settlement-status";

export async function refundPayment(opts: {
  paymentId: string;
  amount: number;
  reason?: string;
  externalId?: string;
  actor: Actor;
}) {
  assertCan(opts.actor, "payments:write");
  return db.$transaction(async (tx) => {
    const [locked] = await tx.$queryRawUnsafe<{ id: string }[]>(
      `SELECT id FROM "Payment" WHERE id = $1 FOR UPDATE`,
      opts.paymentId,
    );
    if (!locked) throw notFound("Payment");
    const payment = await tx.payment.findUniqueOrThrow({
      where: { id: opts.paymentId },
      include: { refunds: true, allocations: { include: { invoice: true } } },
    });
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
    const allocated = payment.allocations.reduce((s, a) => s + a.amount, 0);
    let release = opts.amount - Math.max(0, payment.amount - refunded - allocated);
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
    }
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
        description: `Refund of payment ${payment.reference ?? ""}`.trim(),
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
