// What a collection run takes for payment arrangements: an agreed arrangement's invoices are not
// collected whole; instead each instalment due by the collection date is collected for what of it
// the money paid since the proposal has not covered (the dunning planner's derivation), linked to
// the arranged invoices oldest first — so the settled debit, allocated over the item's invoices,
// counts toward the instalments. Invoices already in an unsettled batch are left out (the item
// waits for that one), as for whole invoices.
import "server-only";
import type { Tx } from "@/lib/db";
import { PAID_SQL } from "@/lib/dunning/arrangements/load-arrangement-snapshots";
import type { IsoDate } from "@/lib/time/dates";

export type InstalmentLink = { invoiceId: string; amount: number; number: string };

export async function instalmentLinksTx(
  tx: Tx,
  opts: { currency: string; date: IsoDate },
): Promise<Map<string, { mandateId: string; links: InstalmentLink[] }>> {
  const due = await tx.$queryRawUnsafe<
    { customerId: string; mandateId: string; invoiceIds: string[]; unpaid: number }[]
  >(
    `SELECT a."customerId", m.id AS "mandateId", a."invoiceIds",
            GREATEST(0, (SELECT COALESCE(SUM(ai.amount), 0) FROM "ArrangementInstalment" ai
                          WHERE ai."arrangementId" = a.id AND ai."dueDate" <= $2::date)
                        - (${PAID_SQL}))::int AS unpaid
       FROM "PaymentArrangement" a
       JOIN LATERAL (SELECT id FROM "DebitMandate" d WHERE d."customerId" = a."customerId"
                        AND d.status = 'ACTIVE' ORDER BY d."signedAt" DESC LIMIT 1) m ON true
      WHERE a.status = 'ACTIVE' AND a.currency = $1
      ORDER BY a."customerId"`,
    opts.currency,
    opts.date,
  );
  const out = new Map<string, { mandateId: string; links: InstalmentLink[] }>();
  const owing = due.filter((d) => d.unpaid > 0);
  if (!owing.length) return out;
  const invoices = await tx.$queryRawUnsafe<
    { id: string; number: string; open: number; busy: boolean }[]
  >(
    `SELECT i.id, i.number, (i.total - i."amountPaid" - i."amountCredited")::int AS open,
            EXISTS (SELECT 1 FROM "CollectionItemInvoice" l WHERE l."activeInvoiceId" = i.id) AS busy
       FROM "Invoice" i WHERE i.id = ANY($1::text[]) AND i.status IN ('OPEN', 'PARTIALLY_PAID')
      ORDER BY i."dueDate", i.number`,
    owing.flatMap((d) => d.invoiceIds),
  );
  for (const d of owing) {
    const mine = invoices.filter((i) => d.invoiceIds.includes(i.id));
    // One collection at a time per arrangement: the next waits for the unsettled one.
    if (mine.some((i) => i.busy)) continue;
    let left = d.unpaid;
    const links: InstalmentLink[] = [];
    for (const inv of mine) {
      const take = Math.min(left, inv.open);
      if (take > 0) links.push({ invoiceId: inv.id, amount: take, number: inv.number });
      left -= Math.max(0, take);
    }
    if (links.length) out.set(d.customerId, { mandateId: d.mandateId, links });
  }
  return out;
}
