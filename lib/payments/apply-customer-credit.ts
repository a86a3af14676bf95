// Uses a customer's credit — the unallocated part of their received payments, oldest payment
// first — to pay their open invoices, oldest due first (or only the given invoices). Run by the
// payments.apply-credit job when invoices are finalised, and from admin on demand. Nothing moves
// on the ledger: the payments already count there; only what they pay changes.
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { allocatePaymentTx, type AllocationRequest } from "./allocate-payment-tx";
import { lockCustomerTx } from "./lock-customer-tx";

export type ApplyCustomerCreditOptions = {
  actor: Actor;
  customerId: string;
  /** Only these invoices (e.g. the ones just finalised); all open invoices when omitted. */
  invoiceIds?: string[];
};

export async function applyCustomerCredit({
  actor,
  customerId,
  invoiceIds,
}: ApplyCustomerCreditOptions) {
  assertCan(actor, "payments:write");
  return db.$transaction(async (tx) => {
    await lockCustomerTx(tx, customerId);
    const credits = await tx.payment.findMany({
      where: { customerId, status: "SUCCEEDED", unallocated: { gt: 0 } },
      orderBy: [{ receivedOn: "asc" }, { id: "asc" }],
      select: { id: true, number: true },
    });
    const applied: (AllocationRequest & { paymentId: string })[] = [];
    for (const p of credits) {
      const done = await allocatePaymentTx(tx, {
        paymentId: p.id,
        customerId,
        onlyInvoiceIds: invoiceIds,
      });
      if (!done.length) break; // nothing left open
      applied.push(...done.map((a) => ({ ...a, paymentId: p.id })));
    }
    if (applied.length)
      await recordAudit(
        {
          actor,
          action: "payment.apply_credit",
          entityType: "Customer",
          entityId: customerId,
          customerId,
          data: { allocations: applied },
        },
        tx,
      );
    return { applied };
  });
}
