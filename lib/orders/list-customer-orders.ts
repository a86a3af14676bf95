import "server-only";
import { db } from "@/lib/db";
import { assertCustomerAccess, type Actor } from "@/lib/auth/roles";

/** A customer's orders with their status and services, for the portal. */
export async function listCustomerOrders(opts: { actor: Actor; customerId: string }) {
  assertCustomerAccess(opts.actor, opts.customerId, "orders:read");
  return db.order.findMany({
    where: { customerId: opts.customerId },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      number: true,
      status: true,
      createdAt: true,
      scheduledFor: true,
      activatedAt: true,
      cancelledAt: true,
      quote: true,
      installPreference: true,
      serviceAddress: { select: { line1: true, suburb: true, city: true } },
      contracts: { select: { id: true, signedAt: true } },
    },
  });
}
