// The lines of freshly written invoices, one multi-row INSERT, ON CONFLICT DO NOTHING against the
// unique key (subscription, period start, kind) (money rule 3). Conflicts were ruled out under the
// subscriptions' locks (findLineConflicts), so a refused line means something charged a locked
// subscription anyway: the whole batch rolls back rather than issue an invoice short.
import type { Tx } from "@/lib/db";
import type { InvoiceDraft } from "./compose-invoice";

export async function insertInvoiceLines(tx: Tx, invoices: readonly InvoiceDraft[]): Promise<void> {
  const lines = invoices.flatMap((inv) => inv.lines.map((l) => ({ ...l, invoiceId: inv.id })));
  if (!lines.length) return;
  const c = <T>(f: (l: (typeof lines)[number]) => T) => lines.map(f);
  const written = await tx.$executeRawUnsafe(
    `INSERT INTO "InvoiceLine" (id, "invoiceId", "subscriptionId", kind, description, "periodStart", "periodEnd", quantity,
                                "unitAmount", "netAmount", "taxRate", "taxAmount", "totalAmount", "sortOrder")
     SELECT v.id, v.inv, v.sub, v.kind::"LineKind", v.descr, v.ps, v.pe, v.qty, v.unit, v.net, v.rate, v.tax, v.total, v.ord
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::date[], $7::date[], $8::numeric[],
                   $9::int[], $10::int[], $11::numeric[], $12::int[], $13::int[], $14::int[])
            AS v(id, inv, sub, kind, descr, ps, pe, qty, unit, net, rate, tax, total, ord)
     ON CONFLICT DO NOTHING`,
    c((l) => l.id),
    c((l) => l.invoiceId),
    c((l) => l.subscriptionId),
    c((l) => l.kind),
    c((l) => l.description),
    c((l) => l.periodStart),
    c((l) => l.periodEnd),
    c((l) => l.quantity),
    c((l) => l.unitAmount),
    c((l) => l.netAmount),
    c((l) => l.taxRate),
    c((l) => l.taxAmount),
    c((l) => l.totalAmount),
    c((l) => l.sortOrder),
  );
  if (written !== lines.length)
    throw new Error("an invoice line was charged concurrently; the batch rolls back");
}
