// The 360° view's header figures beside the contact details: ledger balance and what is overdue
// (for roles that see money), the payment method, open tickets and pinned notes. Each is one
// indexed, bounded read. Dunning state joins here when the dunning records land.
import "server-only";
import { db } from "@/lib/db";
import { assertCan, can, type Actor } from "@/lib/auth/roles";
import { getCustomerBalance } from "@/lib/ledger/get-customer-balance";

export type GetCustomerSummaryOptions = { actor: Actor; customerId: string };

export async function getCustomerSummary({ actor, customerId }: GetCustomerSummaryOptions) {
  assertCan(actor, "customers:read");
  const money = can(actor, "customers:read_financial");
  const [balance, method, openTickets, pinnedNotes] = await Promise.all([
    money ? getCustomerBalance({ actor, customerId }) : null,
    money
      ? db.paymentMethod.findFirst({
          where: { customerId },
          orderBy: [{ isDefault: "desc" }, { createdAt: "desc" }],
          select: { kind: true, cardBrand: true, cardLast4: true },
        })
      : null,
    can(actor, "tickets:read")
      ? db.ticket.count({ where: { customerId, status: { in: ["OPEN", "PENDING"] } } })
      : null,
    db.customerNote.findMany({
      where: { customerId, pinnedAt: { not: null } },
      orderBy: { pinnedAt: "desc" },
      take: 5,
      select: { id: true, body: true, authorName: true, createdAt: true },
    }),
  ]);
  return { balance, paymentMethod: method, openTickets, pinnedNotes };
}
