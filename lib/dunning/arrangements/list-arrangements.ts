// The admin queue: proposals waiting for ACCOUNTS first (oldest first), then the latest agreed,
// broken, kept and rejected ones.
import "server-only";
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { fromDbDate } from "@/lib/time/dates";

export type ListArrangementsOptions = { actor: Actor; limit?: number };

export async function listArrangements({ actor, limit = 50 }: ListArrangementsOptions) {
  assertCan(actor, "billing:read");
  const select = {
    id: true,
    status: true,
    currency: true,
    total: true,
    referReasons: true,
    note: true,
    createdAt: true,
    decisionReason: true,
    customer: { select: { id: true, firstName: true, lastName: true, accountNumber: true } },
    instalments: { orderBy: { seq: "asc" as const }, select: { dueDate: true, amount: true } },
  };
  const [pending, recent] = await Promise.all([
    db.paymentArrangement.findMany({
      where: { status: "PENDING" },
      orderBy: { createdAt: "asc" },
      take: 200,
      select,
    }),
    db.paymentArrangement.findMany({
      where: { status: { not: "PENDING" } },
      orderBy: { updatedAt: "desc" },
      take: Math.min(Math.max(limit, 1), 200),
      select,
    }),
  ]);
  const view = (a: (typeof pending)[number]) => ({
    ...a,
    createdAt: a.createdAt.toISOString(),
    instalments: a.instalments.map((i) => ({ dueDate: fromDbDate(i.dueDate), amount: i.amount })),
  });
  return { pending: pending.map(view), recent: recent.map(view) };
}
