import "server-only";
import { db } from "@/lib/db";
import { assertCan, can, type Actor } from "@/lib/auth/roles";
import { todayForIsp } from "@/lib/billing/billing-settings";
import { readAging } from "./get-aging-report";
import { readMrr } from "./get-mrr-report";

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

export type GetDashboardSummaryOptions = { actor: Actor };

/**
 * Headline numbers for the back-office dashboard, limited to what the role may see. MRR and
 * overdue come from the MRR and aging reports' own queries (staff who may see balances see them).
 */
export async function getDashboardSummary({ actor }: GetDashboardSummaryOptions) {
  assertCan(actor, "customers:read");
  const financial = can(actor, "customers:read_financial");
  const today = await todayForIsp();
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
      ? readMrr({ from: today, to: today, breakdown: false }).then((r) => r.months[0].closing)
      : null,
    financial
      ? readAging({ asOf: today }).then((r) => ({
          count: sum(r.buckets.slice(1).map((b) => b.invoices)),
          amount: sum(r.buckets.slice(1).map((b) => b.amount)),
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
