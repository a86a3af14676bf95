import "server-only";
import { db } from "@/lib/db";
import { assertCan, can, type Actor } from "@/lib/auth/roles";
import { todayForIsp } from "@/lib/billing/billing-settings";
import { toDbDate } from "@/lib/time/dates";

export type GetDashboardSummaryOptions = { actor: Actor };

/** Headline numbers for the back-office dashboard, limited to what the role may see. */
export async function getDashboardSummary({ actor }: GetDashboardSummaryOptions) {
  assertCan(actor, "customers:read");
  const financial = can(actor, "customers:read_financial");
  const today = toDbDate(await todayForIsp());
  const [
    customers,
    activeSubscriptions,
    newOrders,
    openTickets,
    mrr,
    overdue,
    recentOrders,
    lastRun,
  ] = await Promise.all([
    db.customer.count({ where: { status: { in: ["ACTIVE", "SUSPENDED"] } } }),
    db.subscription.count({ where: { status: "ACTIVE", parentId: null } }),
    db.order.count({ where: { status: { in: ["NEW", "SCHEDULED"] } } }),
    db.ticket.count({ where: { status: "OPEN" } }),
    financial
      ? db.$queryRaw<{ mrr: bigint | null }[]>`
          SELECT SUM(CASE "interval" WHEN 'MONTH' THEN "price" * "quantity" WHEN 'QUARTER' THEN "price" * "quantity" / 3
                     ELSE "price" * "quantity" / 12 END) AS mrr
          FROM "Subscription" WHERE "status" = 'ACTIVE'`.then((r) => Number(r[0]?.mrr ?? 0))
      : null,
    financial
      ? db.$queryRaw<{ count: bigint; amount: bigint | null }[]>`
          SELECT COUNT(*) AS count, SUM("total" - "amountPaid" - "amountCredited") AS amount FROM "Invoice"
          WHERE "status" IN ('OPEN', 'PARTIALLY_PAID') AND "dueDate" < ${today}`.then((r) => ({
          count: Number(r[0].count),
          amount: Number(r[0].amount ?? 0),
        }))
      : null,
    can(actor, "orders:read")
      ? db.order.findMany({
          orderBy: { createdAt: "desc" },
          take: 5,
          select: {
            id: true,
            number: true,
            status: true,
            createdAt: true,
            customer: { select: { firstName: true, lastName: true, companyName: true } },
          },
        })
      : null,
    can(actor, "billing:read")
      ? db.billingRun.findFirst({
          orderBy: { startedAt: "desc" },
          select: {
            id: true,
            asOf: true,
            status: true,
            invoicesCreated: true,
            invoicesTotal: true,
            finishedAt: true,
          },
        })
      : null,
  ]);
  return {
    customers,
    activeSubscriptions,
    newOrders,
    openTickets,
    mrr,
    overdue,
    recentOrders,
    lastRun,
  };
}
