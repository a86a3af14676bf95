// Records money received (EFT, cash, card or debit order settlement): the payment posts one ledger
// entry (money rule 5) and is applied to the oldest unpaid invoices first. A replayed bank line or
// gateway event with the same external id records nothing new (money rule 6).
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError, notFound } from "@/lib/errors";
import type { PaymentMethodKind } from "@/lib/generated/prisma/enums";
import { now } from "@/lib/time/clock";
import { dateInZone, toDbDate } from "@/lib/time/dates";
import { settlementStatus } from "@/lib/invoices/settlement-status";

export async function recordPayment(opts: {
  customerId: string;
  amount: number; // minor units
  method: PaymentMethodKind;
  reference?: string;
  externalId?: string;
  receivedAt?: Date;
  actor: Actor;
}) {
  assertCan(opts.actor, "payments:write");
  if (!Number.isSafeInteger(opts.amount) || opts.amount <= 0)
    throw new AppError("VALIDATION", "Amount must be positive minor units.", { amount: "invalid" });
  return db.$transaction(async (tx) => {
    if (opts.externalId) {
      const existing = await tx.payment.findUnique({ where: { externalId: opts.externalId } });
      if (existing) return { payment: existing, duplicate: true };
    }
    const [customer] = await tx.$queryRawUnsafe<{ id: string; currency: string }[]>(
      `SELECT id, currency FROM "Customer" WHERE id = $1 FOR UPDATE`,
      opts.customerId,
    );
    if (!customer) throw notFound("Customer");
    const settings = await tx.ispSettings.findUniqueOrThrow({
      where: { id: 1 },
      select: { timeZone: true },
    });
    const receivedAt = opts.receivedAt ?? now();
    const payment = await tx.payment.create({
      data: {
        customerId: customer.id,
        amount: opts.amount,
        currency: customer.currency,
        method: opts.method,
        status: "SUCCEEDED",
        reference: opts.reference,
        externalId: opts.externalId,
        receivedAt,
      },
    });
    await tx.ledgerEntry.create({
      data: {
        customerId: customer.id,
        kind: "PAYMENT",
        sourceKey: `payment:${payment.id}`,
        amount: -opts.amount,
        currency: customer.currency,
        description: `Payment ${opts.reference ?? ""}`.trim(),
        effectiveDate: toDbDate(dateInZone(receivedAt, settings.timeZone)),
        paymentId: payment.id,
      },
    });
    let left = opts.amount;
    const open = await tx.invoice.findMany({
      where: { customerId: customer.id, status: { in: ["OPEN", "PARTIALLY_PAID"] } },
      orderBy: [{ dueDate: "asc" }, { number: "asc" }],
    });
    for (const inv of open) {
      if (left <= 0) break;
      const take = Math.min(left, inv.total - inv.amountPaid - inv.amountCredited);
      if (take <= 0) continue;
      await tx.paymentAllocation.create({
        data: { paymentId: payment.id, invoiceId: inv.id, amount: take },
      });
      const amountPaid = inv.amountPaid + take;
      await tx.invoice.update({
        where: { id: inv.id },
        data: { amountPaid, status: settlementStatus({ ...inv, amountPaid }) },
      });
      left -= take;
    }
    await recordAudit(
      {
        actor: opts.actor,
        action: "payment.record",
        entityType: "Payment",
        entityId: payment.id,
        customerId: customer.id,
        data: { amount: opts.amount, method: opts.method },
      },
      tx,
    );
    return { payment, duplicate: false, unapplied: left };
  });
}
