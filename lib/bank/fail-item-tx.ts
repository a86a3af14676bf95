// A debit the bank rejected (pain.002, before settlement) or returned (camt.054/053, after):
// a pending payment fails, a settled one is reversed (its allocations released, the invoices
// re-open), and the reason code decides the rest (reason-codes.ts): retry next cycle, mandate
// suspended with a request for a new payment method, contact, refund claim, or a person's review.
// A returned-debit fee (setting) becomes a one-off charge. Returns the event for dunning.
import "server-only";
import type { Tx } from "@/lib/db";
import { SYSTEM } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { enqueueEmail } from "@/lib/notifications/enqueue-email";
import { announcePaymentTx } from "@/lib/payments/announce-payment-tx";
import { lockCustomerTx } from "@/lib/payments/lock-customer-tx";
import { reversePaymentTx } from "@/lib/payments/reverse-payment";
import { now } from "@/lib/time/clock";
import { toDbDate, type IsoDate } from "@/lib/time/dates";
import type { BankSettings } from "./bank-settings";
import { returnRule } from "./reason-codes";

export type DebitReturned = {
  name: "bank/debit.returned";
  data: {
    customerId: string;
    paymentId: string;
    invoiceIds: string[];
    reasonCode: string | null;
    action: string;
  };
};

export async function failItemTx(
  tx: Tx,
  opts: {
    itemId: string;
    kind: "REJECTED" | "RETURNED";
    reasonCode: string | null;
    reasonText: string | null;
    settings: BankSettings;
    today: IsoDate;
  },
): Promise<DebitReturned | null> {
  const item = await tx.collectionItem.findUniqueOrThrow({
    where: { id: opts.itemId },
    include: { invoices: true },
  });
  if (item.status !== "PENDING" && item.status !== "SETTLED") return null;
  await lockCustomerTx(tx, item.customerId);
  const rule = returnRule(opts.reasonCode, opts.settings.bankRetryInsufficientFunds);
  const why = [opts.reasonCode, rule.label, opts.reasonText]
    .filter(Boolean)
    .join(" – ")
    .slice(0, 500);
  if (item.status === "SETTLED")
    await reversePaymentTx(tx, {
      actor: SYSTEM,
      paymentId: item.paymentId,
      reason: `Debit returned: ${why}`,
    });
  else {
    await tx.payment.update({
      where: { id: item.paymentId },
      data: { status: "FAILED", failureReason: why },
    });
    await announcePaymentTx(tx, "payment.failed", item.paymentId);
  }
  await tx.collectionItem.update({
    where: { id: item.id },
    data: {
      status: opts.kind,
      reasonCode: opts.reasonCode,
      reasonText: opts.reasonText?.slice(0, 500) ?? null,
      action: rule.action,
    },
  });
  await tx.collectionItemInvoice.updateMany({
    where: { itemId: item.id },
    data: { activeInvoiceId: null },
  });
  // The amendment was not carried by a collection that stood: the next one reports it again.
  await tx.debitMandateAmendment.updateMany({
    where: { reportedInItemId: item.id },
    data: { reportedInItemId: null },
  });
  const customer = await tx.customer.findUniqueOrThrow({
    where: { id: item.customerId },
    select: { id: true, email: true, firstName: true },
  });
  if (rule.action === "SUSPEND_MANDATE") {
    await tx.debitMandate.update({
      where: { id: item.mandateId },
      data: { status: "SUSPENDED", suspendedReason: why, statusChangedAt: now() },
    });
    await enqueueEmail(
      {
        to: customer.email,
        customerId: customer.id,
        dedupeKey: `bank-new-method:${item.id}`,
        subject: "Your debit order could not be collected",
        text:
          `Hello ${customer.firstName},\n\nyour bank did not pay our debit order (${rule.label}). ` +
          `We have stopped collecting from this account. Please add a new payment method in your ` +
          `portal, or pay your open invoices another way.\n`,
      },
      tx,
    );
  }
  const fee = rule.fee ? opts.settings.bankReturnFee : 0;
  if (fee > 0) {
    const taxClass = await tx.taxClass.findFirst({
      where: { isDefault: true },
      select: { id: true },
    });
    if (taxClass)
      await tx.oneOffCharge.create({
        data: {
          customerId: customer.id,
          description: `Returned debit order fee (${opts.reasonCode ?? "returned"})`,
          amount: fee,
          taxClassId: taxClass.id,
          chargeDate: toDbDate(opts.today),
        },
      });
  }
  await recordAudit(
    {
      actor: SYSTEM,
      action: opts.kind === "REJECTED" ? "bank.debit_rejected" : "bank.debit_returned",
      entityType: "CollectionItem",
      entityId: item.id,
      customerId: customer.id,
      data: { endToEndId: item.endToEndId, reasonCode: opts.reasonCode, action: rule.action, fee },
    },
    tx,
  );
  return {
    name: "bank/debit.returned",
    data: {
      customerId: customer.id,
      paymentId: item.paymentId,
      invoiceIds: item.invoices.map((l) => l.invoiceId),
      reasonCode: opts.reasonCode,
      action: rule.action,
    },
  };
}
