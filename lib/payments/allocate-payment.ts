// Applies what is left of a payment (its unallocated credit) to invoices: the chosen ones with
// chosen amounts, or oldest due first.
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError, notFound } from "@/lib/errors";
import { allocatePaymentTx, type AllocationRequest } from "./allocate-payment-tx";
import { loadPaymentTx } from "./load-payment-tx";
import { lockCustomerTx } from "./lock-customer-tx";
import { allocationsSchema } from "./manual-payment-schema";

export type AllocatePaymentOptions = {
  actor: Actor;
  paymentId: string;
  /** Omit to apply oldest due first. */
  allocations?: AllocationRequest[];
};

export async function allocatePayment({ actor, paymentId, allocations }: AllocatePaymentOptions) {
  assertCan(actor, "payments:write");
  const chosen = allocations ? allocationsSchema.parse(allocations) : undefined;
  return db.$transaction(async (tx) => {
    const p = await tx.payment.findUnique({
      where: { id: paymentId },
      select: { customerId: true },
    });
    if (!p) throw notFound("Payment");
    await lockCustomerTx(tx, p.customerId);
    const applied = await allocatePaymentTx(tx, {
      paymentId,
      customerId: p.customerId,
      allocations: chosen,
    });
    if (!applied.length)
      throw new AppError(
        "UNPROCESSABLE",
        "Nothing to allocate: no credit left or no open invoice.",
      );
    await recordAudit(
      {
        actor,
        action: "payment.allocate",
        entityType: "Payment",
        entityId: paymentId,
        customerId: p.customerId,
        data: { allocations: applied },
      },
      tx,
    );
    return loadPaymentTx(tx, paymentId);
  });
}
