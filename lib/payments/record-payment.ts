// Records money reported by a system (a bank file line, a gateway event, the demo's history): the
// payment posts one ledger entry (money rule 5) and is applied to the oldest unpaid invoices
// first. A replayed bank line or gateway event with the same external id records nothing new
// (money rule 6). Staff and the API use recordManualPayment, which also takes chosen allocations
// and emails a receipt.
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import type { PaymentMethodKind, PaymentProvider } from "@/lib/generated/prisma/enums";
import { getSettings } from "@/lib/settings/get-settings";
import { now } from "@/lib/time/clock";
import { dateInZone } from "@/lib/time/dates";
import { allocatePaymentTx } from "./allocate-payment-tx";
import { announcePaymentTx } from "./announce-payment-tx";
import { lockCustomerTx } from "./lock-customer-tx";
import { receivePaymentTx } from "./receive-payment-tx";

export type RecordPaymentOptions = {
  customerId: string;
  amount: number; // minor units
  method: PaymentMethodKind;
  provider?: PaymentProvider;
  reference?: string;
  externalId?: string;
  receivedAt?: Date;
  actor: Actor;
};

export async function recordPayment(opts: RecordPaymentOptions) {
  assertCan(opts.actor, "payments:write");
  if (!Number.isSafeInteger(opts.amount) || opts.amount <= 0)
    throw new AppError("VALIDATION", "Amount must be positive minor units.", { amount: "invalid" });
  return db.$transaction(async (tx) => {
    if (opts.externalId) {
      const existing = await tx.payment.findUnique({ where: { externalId: opts.externalId } });
      if (existing) return { payment: existing, duplicate: true, unapplied: existing.unallocated };
    }
    const customer = await lockCustomerTx(tx, opts.customerId);
    const { timeZone } = await getSettings(tx);
    const receivedAt = opts.receivedAt ?? now();
    const payment = await receivePaymentTx(tx, {
      customer,
      amount: opts.amount,
      method: opts.method,
      provider: opts.provider ?? "MANUAL",
      reference: opts.reference,
      externalId: opts.externalId,
      receivedAt,
      receivedOn: dateInZone(receivedAt, timeZone),
      recordedById: opts.actor.kind === "system" ? null : opts.actor.id,
    });
    const applied = await allocatePaymentTx(tx, {
      paymentId: payment.id,
      customerId: customer.id,
    });
    await announcePaymentTx(tx, "payment.succeeded", payment.id);
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
    const unapplied = opts.amount - applied.reduce((s, a) => s + a.amount, 0);
    return { payment, duplicate: false, unapplied };
  });
}
