import { db } from "@/lib/db";
import { assertCustomerAccess, type Actor } from "@/lib/auth/roles";
import { notFound } from "@/lib/errors";
import { serializeSubscription } from "@/lib/billing/serialize";

export async function getSubscription(opts: { subscriptionId: string; actor: Actor }) {
  const sub = await db.subscription.findUnique({
    where: { id: opts.subscriptionId },
    include: { product: { select: { name: true, code: true } } },
  });
  if (!sub) throw notFound("Subscription");
  assertCustomerAccess(opts.actor, sub.customerId, "customers:read");
  return {
    ...serializeSubscription(sub),
    productName: sub.product.name,
    productCode: sub.product.code,
  };
}
