// What an arrangement covers: the must-pay set — invoices past their due date and the fees
// dunning charged — with what is open on each and what they had received so far.
import "server-only";
import type { Tx } from "@/lib/db";
import type { IsoDate } from "@/lib/time/dates";

export async function readArrangeableTx(tx: Tx, customerId: string, today: IsoDate) {
  const rows = await tx.$queryRawUnsafe<{ id: string; open: number; received: number }[]>(
    `SELECT i.id, (i.total - i."amountPaid" - i."amountCredited")::int AS open,
            (i."amountPaid" + i."amountCredited")::int AS received
       FROM "Invoice" i
      WHERE i."customerId" = $1 AND i.status IN ('OPEN', 'PARTIALLY_PAID')
        AND i.total - i."amountPaid" - i."amountCredited" > 0
        AND (i."dueDate" < $2::date
             OR EXISTS (SELECT 1 FROM "DunningEvent" e WHERE e."feeInvoiceId" = i.id))
      ORDER BY i."dueDate", i.id`,
    customerId,
    today,
  );
  return {
    invoiceIds: rows.map((r) => r.id),
    total: rows.reduce((s, r) => s + r.open, 0),
    received: rows.reduce((s, r) => s + r.received, 0),
  };
}
