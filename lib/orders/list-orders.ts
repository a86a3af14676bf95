import "server-only";
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/auth/roles";
import type { OrderStatus } from "@/lib/generated/prisma/enums";

export const ORDER_STATUSES: OrderStatus[] = ["NEW", "SCHEDULED", "ACTIVATED", "CANCELLED"];

/** Open orders a person must look at before activation (lib/orders/README.md). */
const NEEDS_CONFIRMATION = {
  status: { in: ["NEW", "SCHEDULED"] as OrderStatus[] },
  OR: [{ feasibility: "UNVERIFIED" as const }, { heldForUserId: { not: null } }],
};

/** The orders pipeline, newest first, optionally by status or by number / customer name. */
export async function listOrders(opts: {
  actor: Actor;
  status?: OrderStatus;
  /** Only open orders waiting for a feasibility confirmation or for the email's account holder. */
  needsConfirmation?: boolean;
  q?: string;
  take?: number;
}) {
  assertCan(opts.actor, "orders:read");
  const q = opts.q?.trim();
  const where = {
    AND: [{ status: opts.status }, opts.needsConfirmation ? NEEDS_CONFIRMATION : {}],
    ...(q
      ? {
          OR: [
            { number: { contains: q, mode: "insensitive" as const } },
            { customer: { lastName: { contains: q, mode: "insensitive" as const } } },
            { customer: { email: { contains: q, mode: "insensitive" as const } } },
          ],
        }
      : {}),
  };
  const [orders, counts, needsConfirmation] = await Promise.all([
    db.order.findMany({
      where,
      orderBy: { createdAt: "desc" },
      take: opts.take ?? 100,
      select: {
        id: true,
        number: true,
        status: true,
        createdAt: true,
        scheduledFor: true,
        activatedAt: true,
        quote: true,
        feasibility: true,
        heldForUserId: true,
        customer: {
          select: {
            id: true,
            firstName: true,
            lastName: true,
            companyName: true,
            accountNumber: true,
          },
        },
        serviceAddress: { select: { line1: true, suburb: true } },
        assignedTo: { select: { name: true } },
      },
    }),
    db.order.groupBy({ by: ["status"], _count: { _all: true } }),
    db.order.count({ where: NEEDS_CONFIRMATION }),
  ]);
  return {
    orders,
    needsConfirmation,
    counts: Object.fromEntries(counts.map((c) => [c.status, c._count._all])) as Partial<
      Record<OrderStatus, number>
    >,
  };
}
