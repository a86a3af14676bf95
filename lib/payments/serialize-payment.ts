// The JSON shape of a payment for the API, webhooks and client components: money in integer
// minor units, the received date as YYYY-MM-DD, instants as ISO strings.
import type { Payment } from "@/lib/generated/prisma/client";
import { fromDbDate } from "@/lib/time/dates";

export type PaymentWithDetails = Payment & {
  allocations: { invoiceId: string; amount: number; invoice: { number: string | null } }[];
  refunds: { amount: number }[];
};

/** What get/list load with a payment so it serializes in full. */
export const paymentDetails = {
  allocations: {
    select: { invoiceId: true, amount: true, invoice: { select: { number: true } } },
    orderBy: { invoice: { dueDate: "asc" } },
  },
  refunds: { select: { amount: true } },
} as const;

export function serializePayment(p: PaymentWithDetails) {
  return {
    id: p.id,
    number: p.number,
    customerId: p.customerId,
    amount: p.amount,
    currency: p.currency,
    method: p.method,
    provider: p.provider,
    status: p.status,
    reference: p.reference,
    note: p.note,
    receivedOn: fromDbDate(p.receivedOn),
    receivedAt: p.receivedAt.toISOString(),
    unallocated: p.unallocated,
    refunded: p.refunds.reduce((s, r) => s + r.amount, 0),
    allocations: p.allocations.map((a) => ({
      invoiceId: a.invoiceId,
      invoiceNumber: a.invoice.number,
      amount: a.amount,
    })),
    reversedAt: p.reversedAt?.toISOString() ?? null,
    reversalReason: p.reversalReason,
    createdAt: p.createdAt.toISOString(),
  };
}

export type SerializedPayment = ReturnType<typeof serializePayment>;
