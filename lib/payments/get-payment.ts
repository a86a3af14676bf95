// One payment with its allocations and refunds: for staff with payments:read, or the customer it
// belongs to.
import { db } from "@/lib/db";
import { assertCan, assertCustomerAccess, type Actor } from "@/lib/auth/roles";
import { notFound } from "@/lib/errors";
import { loadPaymentTx } from "./load-payment-tx";

export type GetPaymentOptions = { actor: Actor; paymentId: string };

export async function getPayment({ actor, paymentId }: GetPaymentOptions) {
  const isCustomer = actor.kind === "user" && actor.role === "CUSTOMER";
  if (!isCustomer) assertCan(actor, "payments:read");
  const payment = await loadPaymentTx(db, paymentId);
  assertCustomerAccess(actor, payment.customerId, "payments:read");
  // Customers see money received, not attempts that never took any.
  if (isCustomer && (payment.status === "PENDING" || payment.status === "FAILED"))
    throw notFound("Payment");
  return payment;
}
