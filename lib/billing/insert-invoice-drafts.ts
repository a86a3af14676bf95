// Writes draft invoices and their lines with one multi-row INSERT each. Lines go in with
// ON CONFLICT DO NOTHING against the unique key (subscription, period start, kind) (money rule 3):
// an invoice that lost any line to that key was already billed elsewhere, so it is removed whole
// inside the same transaction instead of being issued short.
import type { Tx } from "@/lib/db";
import type { InvoiceDraft } from "./compose-invoice";

export async function insertInvoiceDrafts(
  tx: Tx,
  invoices: readonly InvoiceDraft[],
  opts: { billingRunId: string | null; finalizeAfter: Date | null },
): Promise<{ written: InvoiceDraft[]; conflicted: InvoiceDraft[] }> {
  if (!invoices.length) return { written: [], conflicted: [] };
  const col = <T>(f: (i: InvoiceDraft) => T) => invoices.map(f);
  await tx.$executeRawUnsafe(
    `INSERT INTO "Invoice" (id, "customerId", status, currency, "issueDate", "dueDate", subtotal, "taxTotal", total, "billingRunId", "finalizeAfter")
     SELECT v.id, v.customer, 'DRAFT', v.currency, v.issue, v.due, v.subtotal, v.tax, v.total, $9, $10
       FROM unnest($1::text[], $2::text[], $3::text[], $4::date[], $5::date[], $6::int[], $7::int[], $8::int[])
            AS v(id, customer, currency, issue, due, subtotal, tax, total)`,
    col((i) => i.id),
    col((i) => i.customerId),
    col((i) => i.currency),
    col((i) => i.issueDate),
    col((i) => i.dueDate),
    col((i) => i.subtotal),
    col((i) => i.taxTotal),
    col((i) => i.total),
    opts.billingRunId,
    opts.finalizeAfter,
  );

  const lines = invoices.flatMap((inv) => inv.lines.map((l) => ({ ...l, invoiceId: inv.id })));
  const c = <T>(f: (l: (typeof lines)[number]) => T) => lines.map(f);
  const inserted = await tx.$queryRawUnsafe<{ invoiceId: string }[]>(
    `INSERT INTO "InvoiceLine" (id, "invoiceId", "subscriptionId", kind, description, "periodStart", "periodEnd", quantity,
                                "unitAmount", "netAmount", "taxRate", "taxAmount", "totalAmount", "sortOrder")
     SELECT v.id, v.inv, v.sub, v.kind::"LineKind", v.descr, v.ps, v.pe, v.qty, v.unit, v.net, v.rate, v.tax, v.total, v.ord
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::date[], $7::date[], $8::numeric[],
                   $9::int[], $10::int[], $11::numeric[], $12::int[], $13::int[], $14::int[])
            AS v(id, inv, sub, kind, descr, ps, pe, qty, unit, net, rate, tax, total, ord)
     ON CONFLICT DO NOTHING
     RETURNING "invoiceId"`,
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
  if (inserted.length === lines.length) return { written: [...invoices], conflicted: [] };

  const counts = new Map<string, number>();
  for (const r of inserted) counts.set(r.invoiceId, (counts.get(r.invoiceId) ?? 0) + 1);
  const conflicted = invoices.filter((i) => (counts.get(i.id) ?? 0) !== i.lines.length);
  const ids = conflicted.map((i) => i.id);
  await tx.$executeRawUnsafe(`DELETE FROM "InvoiceLine" WHERE "invoiceId" = ANY($1::text[])`, ids);
  await tx.$executeRawUnsafe(`DELETE FROM "Invoice" WHERE id = ANY($1::text[])`, ids);
  const gone = new Set(ids);
  return { written: invoices.filter((i) => !gone.has(i.id)), conflicted };
}
