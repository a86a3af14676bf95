// The customer's balance is derived from the ledger, never stored (money rule 5).
// Positive: the customer owes; negative: the customer is in credit.
import "server-only";
import { db, type Tx } from "@/lib/db";
import { assertCustomerAccess, type Actor } from "@/lib/auth/roles";
import { notFound } from "@/lib/errors";
import { toDbDate, type IsoDate } from "@/lib/time/dates";
import { todayForIsp } from "@/lib/billing/billing-settings";

export async function ledgerBalance(tx: Tx, customerId: string, before?: IsoDate): Promise<number> {
  const agg = await tx.ledgerEntry.aggregate({
    where: { customerId, ...(before ? { effectiveDate: { lt: toDbDate(before) } } : {}) },
    _sum: { amount: true },
  });
  return agg._sum.amount ?? 0;
}

export async function getCustomerBalance(opts: { customerId: string; actor: Actor }) {
  assertCustomerAccess(opts.actor, opts.customerId, "customers:read_financial");
  const customer = await db.customer.findUnique({
    where: { id: opts.customerId },
    select: { id: true, currency: true },
  });
  if (!customer) throw notFound("Customer");
  const [balance, overdue] = await Promise.all([
    ledgerBalance(db, customer.id),
    db.invoice.aggregate({
      where: {
        customerId: customer.id,
        status: { in: ["OPEN", "PARTIALLY_PAID"] },
        dueDate: { lt: toDbDate(await todayForIsp()) },
      },
      _sum: { total: true, amountPaid: true, amountCredited: true },
    }),
  ]);
  const overdueAmount =
    (overdue._sum.total ?? 0) - (overdue._sum.amountPaid ?? 0) - (overdue._sum.amountCredited ?? 0);
  return { customerId: customer.id, currency: customer.currency, balance, overdue: overdueAmount };
}
