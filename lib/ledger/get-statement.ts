// A statement: the ledger entries in a date range with the running balance, opening with the
// balance brought forward. Everything is read from the ledger (money rule 5).
import "server-only";
import { db } from "@/lib/db";
import { assertCustomerAccess, type Actor } from "@/lib/auth/roles";
import { fromDbDate, toDbDate, type IsoDate } from "@/lib/time/dates";
import { ledgerBalance } from "./get-customer-balance";

export async function getStatement(opts: {
  customerId: string;
  from?: IsoDate;
  to?: IsoDate;
  actor: Actor;
}) {
  assertCustomerAccess(opts.actor, opts.customerId, "customers:read_financial");
  const opening = opts.from ? await ledgerBalance(db, opts.customerId, opts.from) : 0;
  const entries = await db.ledgerEntry.findMany({
    where: {
      customerId: opts.customerId,
      effectiveDate: {
        ...(opts.from ? { gte: toDbDate(opts.from) } : {}),
        ...(opts.to ? { lte: toDbDate(opts.to) } : {}),
      },
    },
    orderBy: [{ effectiveDate: "asc" }, { id: "asc" }],
    select: {
      id: true,
      kind: true,
      amount: true,
      currency: true,
      description: true,
      effectiveDate: true,
      invoiceId: true,
      creditNoteId: true,
      paymentId: true,
    },
  });
  let running = opening;
  const lines = entries.map((e) => {
    running += e.amount;
    return { ...e, id: String(e.id), effectiveDate: fromDbDate(e.effectiveDate), balance: running };
  });
  return { opening, closing: running, lines };
}
