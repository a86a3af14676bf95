// The customer (or staff with customers:write) chooses the default payment method — the one
// auto-pay charges — or removes a saved card. A card is detached at Stripe first, so it can no
// longer be charged off-session; a debit mandate is cancelled with the bank, not here.
import "server-only";
import { assertCustomerAccess, type Actor } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { stripeClient } from "./stripe-client";
import { forgetStripeCard } from "./sync-stripe-card";

export type ManagePaymentMethodOptions = {
  actor: Actor;
  customerId: string;
  paymentMethodId: string;
};

async function ownMethod({ actor, customerId, paymentMethodId }: ManagePaymentMethodOptions) {
  assertCustomerAccess(actor, customerId, "customers:write");
  const m = await db.paymentMethod.findFirst({ where: { id: paymentMethodId, customerId } });
  if (!m) throw notFound("Payment method");
  return m;
}

export async function setDefaultPaymentMethod(opts: ManagePaymentMethodOptions) {
  const m = await ownMethod(opts);
  await db.$transaction(async (tx) => {
    await tx.$queryRawUnsafe(`SELECT id FROM "Customer" WHERE id = $1 FOR UPDATE`, m.customerId);
    await tx.paymentMethod.updateMany({
      where: { customerId: m.customerId, isDefault: true },
      data: { isDefault: false },
    });
    await tx.paymentMethod.update({ where: { id: m.id }, data: { isDefault: true } });
    await recordAudit(
      {
        actor: opts.actor,
        action: "payment_method.set_default",
        entityType: "PaymentMethod",
        entityId: m.id,
        customerId: m.customerId,
        data: { kind: m.kind, last4: m.cardLast4 },
      },
      tx,
    );
  });
}

export async function removePaymentMethod(opts: ManagePaymentMethodOptions) {
  const m = await ownMethod(opts);
  if (m.kind !== "CARD" || !m.stripePaymentMethodId)
    throw new AppError("CONFLICT", "A debit order mandate is cancelled with us by phone or email.");
  await stripeClient().paymentMethods.detach(m.stripePaymentMethodId);
  await forgetStripeCard({ stripePaymentMethodId: m.stripePaymentMethodId });
}
