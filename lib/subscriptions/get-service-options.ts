// What a subscriber may switch a service to, and which add-ons they may add: active plans of the
// same technology (the line at their address carries it) and recurring add-ons not already on it.
import "server-only";
import { db } from "@/lib/db";
import { assertCustomerAccess, type Actor } from "@/lib/auth/roles";
import { notFound } from "@/lib/errors";

export type GetServiceOptionsOptions = { actor: Actor; subscriptionId: string };

const PRODUCT = {
  id: true,
  name: true,
  description: true,
  price: true,
  interval: true,
  downloadMbps: true,
  uploadMbps: true,
} as const;

export async function getServiceOptions({ actor, subscriptionId }: GetServiceOptionsOptions) {
  const sub = await db.subscription.findUnique({
    where: { id: subscriptionId },
    select: {
      customerId: true,
      parentId: true,
      status: true,
      productId: true,
      product: { select: { technology: true } },
      addons: { where: { status: { not: "CANCELLED" } }, select: { productId: true } },
    },
  });
  if (!sub || sub.parentId) throw notFound("Service");
  assertCustomerAccess(actor, sub.customerId, "customers:read");
  const [plans, addons] = await Promise.all([
    db.product.findMany({
      where: {
        kind: "PLAN",
        status: "ACTIVE",
        id: { not: sub.productId },
        ...(sub.product.technology ? { technology: sub.product.technology } : {}),
      },
      orderBy: [{ price: "asc" }, { sortOrder: "asc" }],
      take: 50,
      select: PRODUCT,
    }),
    db.product.findMany({
      where: {
        kind: "ADDON",
        status: "ACTIVE",
        addonCharge: "RECURRING",
        id: { notIn: sub.addons.map((a) => a.productId) },
      },
      orderBy: [{ sortOrder: "asc" }, { price: "asc" }],
      take: 50,
      select: PRODUCT,
    }),
  ]);
  return { plans, addons };
}
