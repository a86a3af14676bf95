// Staff (ACCOUNTS, ADMIN) or an API key record money received outside the card gateway: cash,
// EFT, cheque, card machine, mobile money. One transaction: the payment and its ledger entry, its
// allocation (chosen invoices and amounts, or oldest due first), the audit row, the
// `payment.succeeded` webhook event and the receipt email. What no invoice takes stays as credit
// on the customer's account (the ledger already counts it), applied to the next invoice by
// payments.apply-credit.
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import { getSettings } from "@/lib/settings/get-settings";
import { now } from "@/lib/time/clock";
import { dateInZone, instantInZone } from "@/lib/time/dates";
import { allocatePaymentTx } from "./allocate-payment-tx";
import { announcePaymentTx } from "./announce-payment-tx";
import { loadPaymentTx } from "./load-payment-tx";
import { lockCustomerTx } from "./lock-customer-tx";
import { manualPaymentSchema, type ManualPaymentInput } from "./manual-payment-schema";
import { queueReceiptEmailTx } from "./receipt/queue-receipt-email-tx";
import { receivePaymentTx } from "./receive-payment-tx";

export type RecordManualPaymentOptions = { actor: Actor } & ManualPaymentInput;

export async function recordManualPayment({ actor, ...input }: RecordManualPaymentOptions) {
  assertCan(actor, "payments:write");
  const data = manualPaymentSchema.parse(input);
  return db.$transaction(async (tx) => {
    const customer = await lockCustomerTx(tx, data.customerId);
    if (data.currency !== customer.currency)
      throw new AppError("UNPROCESSABLE", `This customer pays in ${customer.currency}.`, {
        currency: `must be ${customer.currency}, the customer's currency`,
      });
    const { timeZone } = await getSettings(tx);
    const at = now();
    const today = dateInZone(at, timeZone);
    if (data.receivedOn > today)
      throw new AppError("VALIDATION", "The payment date cannot be in the future.", {
        receivedOn: "cannot be in the future",
      });
    const payment = await receivePaymentTx(tx, {
      customer,
      amount: data.amount,
      method: data.method,
      provider: "MANUAL",
      receivedAt: data.receivedOn === today ? at : instantInZone(data.receivedOn, 12, timeZone),
      receivedOn: data.receivedOn,
      reference: data.reference,
      note: data.note,
      recordedById: actor.kind === "system" ? null : actor.id,
    });
    const applied = await allocatePaymentTx(tx, {
      paymentId: payment.id,
      customerId: customer.id,
      allocations: data.allocations,
    });
    await announcePaymentTx(tx, "payment.succeeded", payment.id);
    await recordAudit(
      {
        actor,
        action: "payment.record",
        entityType: "Payment",
        entityId: payment.id,
        customerId: customer.id,
        data: {
          number: payment.number,
          amount: data.amount,
          method: data.method,
          receivedOn: data.receivedOn,
          allocations: applied,
        },
      },
      tx,
    );
    if (data.sendReceipt !== false) await queueReceiptEmailTx(tx, payment.id);
    return loadPaymentTx(tx, payment.id);
  });
}
