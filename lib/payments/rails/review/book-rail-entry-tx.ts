// A person matched a rail confirmation from the review queue: it becomes the payment the rail
// path would have booked (same method, provider and externalId), through the bulk booking the
// statement lines use, so a split across invoices works the same. When the payment already exists
// (the confirmation matched on its own meanwhile, e.g. a replay after the invoice was created),
// the entry is linked to it (refused if that payment is another customer's): booked once.
import "server-only";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { PaymentMethodKind, PaymentProvider } from "@/lib/generated/prisma/enums";
import { receivePaymentsBulkTx } from "../../receive-payments-bulk-tx";
import { now } from "@/lib/time/clock";
import type { IsoDate } from "@/lib/time/dates";

const BOOK_AS: Record<string, { method: PaymentMethodKind; provider: PaymentProvider }> = {
  PIX: { method: "PIX", provider: "PIX" },
  MPESA: { method: "MOBILE_MONEY", provider: "MPESA" },
  CNAB: { method: "BOLETO", provider: "BANK" },
};

export type RailEntry = {
  source: string;
  bankRef: string;
  amount: number;
  bookingDate: IsoDate | null;
  reference: string | null;
};

export async function bookRailEntryTx(
  tx: Tx,
  entry: RailEntry,
  target: { customerId: string; allocations?: { invoiceId: string; amount: number }[] },
  today: IsoDate,
  recordedById: string | null,
) {
  const as = BOOK_AS[entry.source];
  if (!as) throw new Error(`not a rail entry: ${entry.source}`);
  const existing = await tx.payment.findUnique({
    where: { externalId: entry.bankRef },
    select: { id: true, customerId: true },
  });
  if (existing && existing.customerId !== target.customerId)
    throw new AppError(
      "CONFLICT",
      "This confirmation was meanwhile booked for another customer; mark it not ours.",
    );
  if (existing) return existing.id;
  const [booked] = await receivePaymentsBulkTx(tx, [
    {
      customerId: target.customerId,
      allocations: target.allocations,
      amount: entry.amount,
      ...as,
      receivedAt: now(),
      receivedOn: entry.bookingDate && entry.bookingDate <= today ? entry.bookingDate : today,
      reference: entry.reference?.slice(0, 140) ?? null,
      externalId: entry.bankRef,
      recordedById,
      receiptEmail: true,
    },
  ]);
  return booked.paymentId;
}
