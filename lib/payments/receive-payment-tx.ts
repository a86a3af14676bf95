// Money received, inside the caller's transaction (the caller holds the customer's row lock):
// the payment with its receipt number and its one ledger entry (`payment:<id>`, money rule 5),
// all of it unallocated until allocate-payment-tx applies it to invoices.
import type { Tx } from "@/lib/db";
import type { PaymentMethodKind, PaymentProvider } from "@/lib/generated/prisma/enums";
import { takeNumber } from "@/lib/numbering/take-numbers";
import { toDbDate, type IsoDate } from "@/lib/time/dates";

export type ReceivedPayment = {
  customer: { id: string; currency: string };
  amount: number; // minor units
  method: PaymentMethodKind;
  provider: PaymentProvider;
  receivedAt: Date;
  receivedOn: IsoDate;
  reference?: string | null;
  note?: string | null;
  externalId?: string | null;
  recordedById?: string | null;
};

export async function receivePaymentTx(tx: Tx, p: ReceivedPayment) {
  await tx.$executeRawUnsafe(
    `INSERT INTO "NumberSeries" (code, prefix) VALUES ('RECEIPT', 'RCT-') ON CONFLICT DO NOTHING`,
  );
  const payment = await tx.payment.create({
    data: {
      number: await takeNumber(tx, "RECEIPT"),
      status: "SUCCEEDED",
      receivedAt: p.receivedAt,
      receivedOn: toDbDate(p.receivedOn),
      unallocated: p.amount,
      customerId: p.customer.id,
      amount: p.amount,
      currency: p.customer.currency,
      method: p.method,
      provider: p.provider,
      reference: p.reference || null,
      note: p.note || null,
      externalId: p.externalId ?? null,
      recordedById: p.recordedById ?? null,
    },
  });
  await postPaymentLedgerTx(tx, payment, p.recordedById);
  return payment;
}

/**
 * A charge attempt (a PENDING or FAILED row: a Stripe PaymentIntent we recorded before calling
 * Stripe, a debit in a collection batch) turns into received money: receipt number, SUCCEEDED, unallocated = amount and
 * its ledger entry — the same state receivePaymentTx leaves. The caller holds the customer's lock
 * and has checked the row is not received yet.
 */
export async function receiveAttemptTx(
  tx: Tx,
  p: {
    paymentId: string;
    amount: number;
    receivedAt: Date;
    receivedOn: IsoDate;
    /** The provider's reference when it is known only now (Stripe); absent keeps the row's. */
    externalId?: string;
  },
) {
  await tx.$executeRawUnsafe(
    `INSERT INTO "NumberSeries" (code, prefix) VALUES ('RECEIPT', 'RCT-') ON CONFLICT DO NOTHING`,
  );
  const payment = await tx.payment.update({
    where: { id: p.paymentId },
    data: {
      number: await takeNumber(tx, "RECEIPT"),
      amount: p.amount,
      status: "SUCCEEDED",
      ...(p.externalId !== undefined && { externalId: p.externalId }),
      failureReason: null,
      receivedAt: p.receivedAt,
      receivedOn: toDbDate(p.receivedOn),
      unallocated: p.amount,
    },
  });
  await postPaymentLedgerTx(tx, payment, null);
  return payment;
}

/** The one ledger entry of received money (`payment:<id>`, money rule 5). */
async function postPaymentLedgerTx(
  tx: Tx,
  payment: {
    id: string;
    customerId: string;
    amount: number;
    currency: string;
    number: string | null;
    reference: string | null;
    receivedOn: Date;
  },
  recordedById: string | null | undefined,
) {
  await tx.ledgerEntry.create({
    data: {
      customerId: payment.customerId,
      kind: "PAYMENT",
      sourceKey: `payment:${payment.id}`,
      amount: -payment.amount,
      currency: payment.currency,
      description: `Payment ${payment.number}${payment.reference ? ` (${payment.reference})` : ""}`,
      effectiveDate: payment.receivedOn,
      paymentId: payment.id,
      createdById: recordedById ?? null,
    },
  });
}
