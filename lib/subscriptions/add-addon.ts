// A subscriber (or staff) adds a recurring add-on to a plan's subscription, starting today: it
// follows the plan's cycle and the next billing run bills it in advance, prorated to the plan's
// period (lib/subscriptions/create-subscription.ts). Once-off add-ons (e.g. buying a router) are
// sold through an order, not here.
import "server-only";
import { db } from "@/lib/db";
import { assertCustomerAccess, type Actor } from "@/lib/auth/roles";
import { AppError, notFound } from "@/lib/errors";
import { todayForIsp } from "@/lib/billing/billing-settings";
import { createSubscription } from "./create-subscription";

export type AddAddonOptions = { actor: Actor; subscriptionId: string; productId: string };

export async function addAddon({ actor, subscriptionId, productId }: AddAddonOptions) {
  const parent = await db.subscription.findUnique({
    where: { id: subscriptionId },
    select: {
      customerId: true,
      parentId: true,
      addons: { where: { productId, status: { not: "CANCELLED" } }, select: { id: true } },
    },
  });
  if (!parent) throw notFound("Subscription");
  assertCustomerAccess(actor, parent.customerId, "customers:write");
  if (parent.parentId) throw notFound("Subscription");
  const product = await db.product.findUnique({
    where: { id: productId },
    select: { kind: true, status: true, addonCharge: true },
  });
  if (!product || product.kind !== "ADDON" || product.status !== "ACTIVE") throw notFound("Add-on");
  if (product.addonCharge !== "RECURRING")
    throw new AppError("VALIDATION", "That add-on is sold with an order.", {
      productId: "once-off",
    });
  if (parent.addons.length)
    throw new AppError("CONFLICT", "That add-on is already on this service.");
  return createSubscription({
    actor,
    input: {
      customerId: parent.customerId,
      productId,
      parentId: subscriptionId,
      startDate: await todayForIsp(),
    },
  });
}
