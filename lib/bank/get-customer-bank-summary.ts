// A customer's mandates (masked) and debit returns, for the customer page.
import "server-only";
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { maskAccount } from "@/lib/payment-methods/bank-account";
import { fromDbDate, fromDbDateOrNull } from "@/lib/time/dates";

export type GetCustomerBankSummaryOptions = { actor: Actor; customerId: string };

export async function getCustomerBankSummary({ actor, customerId }: GetCustomerBankSummaryOptions) {
  assertCan(actor, "payments:read");
  const mandates = await db.debitMandate.findMany({
    where: { customerId },
    orderBy: { signedAt: "desc" },
    include: { amendments: { orderBy: { createdAt: "desc" }, select: { createdAt: true } } },
  });
  const items = await db.collectionItem.findMany({
    where: { customerId },
    orderBy: { batch: { collectionDate: "desc" } },
    take: 24,
    include: { batch: { select: { collectionDate: true, currency: true } } },
  });
  return {
    mandates: mandates.map((m) => ({
      id: m.id,
      reference: m.mandateReference,
      account: maskAccount(m.accountLast4),
      holder: m.accountHolder,
      accountType: m.accountType,
      status: m.status,
      suspendedReason: m.suspendedReason,
      signedOn: m.signedAt.toISOString().slice(0, 10),
      sequence: m.firstCollectedOn ? "RCUR" : "FRST",
      lastCollectedOn: fromDbDateOrNull(m.lastCollectedOn),
      amendments: m.amendments.length,
    })),
    collections: items.map((i) => ({
      id: i.id,
      date: fromDbDate(i.batch.collectionDate),
      amount: i.amount,
      currency: i.batch.currency,
      status: i.status,
      reasonCode: i.reasonCode,
      action: i.action,
    })),
  };
}
