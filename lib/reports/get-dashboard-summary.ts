import { db } from "@/lib/db";
import { assertCan, can, type Actor } from "@/lib/auth/roles";

/** Headline numbers for the back-office dashboard, limited to what the role may see. */
export async function getDashboardSummary(actor: Actor) {
  assertCan(actor, "customers:read");
  const [customers, activeSubscriptions, newOrders, openTickets, mrr] = await Promise.all([
    db.customer.count({ where: { status: { in: ["ACTIVE", "SUSPENDED"] } } }),
    db.subscription.count({ where: { status: "ACTIVE", parentId: null } }),
    db.order.count({ where: { status: { in: ["NEW", "SCHEDULED"] } } }),
    db.ticket.count({ where: { status: "OPEN" } }),
    can(actor, "customers:read_financial")
      ? db.$queryRaw<{ mrr: bigint | null }[]>`
          SELECT SUM(CASE "interval" WHEN 'MONTH' THEN "price" * "quantity" WHEN 'QUARTER' THEN "price" * "quantity" / 3
                     ELSE "price" * "quantity" / 12 END) AS mrr
          FROM "Subscription" WHERE "status" = 'ACTIVE'`.then((r) => Number(r[0]?.mrr ?? 0))
      : Promise.resolve(null),
  ]);
  return { customers, activeSubscriptions, newOrders, openTickets, mrr };
}
