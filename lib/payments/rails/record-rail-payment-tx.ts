// Money a rail reports as received, inside the caller's transaction: the payment with its receipt
// number and ledger entry, applied to the invoice it was for first and then oldest due first, the
// `payment.succeeded` event and the receipt email. When it settles a charge, the charge row is
// locked and linked, so a callback, its replay and the status query that raced it settle it once;
// the payment's `externalId` (`pix:<endToEndId>`, `mpesa:<id>`) is the second guard.
import type { Tx } from "@/lib/db";
import type { PaymentMethodKind, PaymentProvider } from "@/lib/generated/prisma/enums";
import { getSettings } from "@/lib/settings/get-settings";
import { dateInZone } from "@/lib/time/dates";
import { allocatePaymentTx } from "../allocate-payment-tx";
import { announcePaymentTx } from "../announce-payment-tx";
import { lockCustomerTx } from "../lock-customer-tx";
import { queueReceiptEmailTx } from "../receipt/queue-receipt-email-tx";
import { receivePaymentTx } from "../receive-payment-tx";

export type RailPayment = {
  customerId: string;
  invoiceId?: string | null;
  chargeId?: string | null;
  amount: number; // minor units, what the provider says arrived
  provider: Extract<PaymentProvider, "PIX" | "MPESA" | "BANK">;
  externalId: string;
  reference: string;
  receivedAt: Date;
};

const METHOD: Record<RailPayment["provider"], PaymentMethodKind> = {
  PIX: "PIX",
  MPESA: "MOBILE_MONEY",
  BANK: "BOLETO", // boletos settled in a CNAB 240 return file
};

export async function recordRailPaymentTx(tx: Tx, p: RailPayment) {
  const customer = await lockCustomerTx(tx, p.customerId);
  if (p.chargeId) {
    const [charge] = await tx.$queryRawUnsafe<{ paymentId: string | null }[]>(
      `SELECT "paymentId" FROM "RailCharge" WHERE id = $1 FOR UPDATE`,
      p.chargeId,
    );
    if (charge?.paymentId) return { paymentId: charge.paymentId, duplicate: true };
  }
  const existing = await tx.payment.findUnique({
    where: { externalId: p.externalId },
    select: { id: true },
  });
  if (existing) return { paymentId: existing.id, duplicate: true };
  const { timeZone } = await getSettings(tx);
  const payment = await receivePaymentTx(tx, {
    customer,
    amount: p.amount,
    method: METHOD[p.provider],
    provider: p.provider,
    reference: p.reference,
    externalId: p.externalId,
    receivedAt: p.receivedAt,
    receivedOn: dateInZone(p.receivedAt, timeZone),
  });
  if (p.invoiceId)
    await allocatePaymentTx(tx, {
      paymentId: payment.id,
      customerId: customer.id,
      onlyInvoiceIds: [p.invoiceId],
    });
  await allocatePaymentTx(tx, { paymentId: payment.id, customerId: customer.id });
  if (p.chargeId)
    await tx.railCharge.update({
      where: { id: p.chargeId },
      data: { status: "PAID", paymentId: payment.id, settledAt: p.receivedAt, failureReason: null },
    });
  await announcePaymentTx(tx, "payment.succeeded", payment.id);
  await queueReceiptEmailTx(tx, payment.id);
  return { paymentId: payment.id, duplicate: false };
}
