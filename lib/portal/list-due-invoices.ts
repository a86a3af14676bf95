// The subscriber's unpaid invoices, soonest due first: "what is due when" on the portal home.
// Bounded and on the Invoice (customerId, …) index, so it stays fast with a long history.
import "server-only";
import { db } from "@/lib/db";
import { assertCustomerAccess, type Actor } from "@/lib/auth/roles";
import { fromDbDate } from "@/lib/time/dates";

export type ListDueInvoicesOptions = { actor: Actor; customerId: string; limit?: number };

export async function listDueInvoices({ actor, customerId, limit = 5 }: ListDueInvoicesOptions) {
  assertCustomerAccess(actor, customerId, "customers:read_financial");
  const rows = await db.invoice.findMany({
    where: { customerId, status: { in: ["OPEN", "PARTIALLY_PAID"] } },
    orderBy: [{ dueDate: "asc" }, { id: "asc" }],
    take: Math.min(limit, 20),
    select: {
      id: true,
      number: true,
      dueDate: true,
      total: true,
      amountPaid: true,
      amountCredited: true,
    },
  });
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    dueDate: fromDbDate(r.dueDate),
    open: r.total - r.amountPaid - r.amountCredited,
  }));
}
