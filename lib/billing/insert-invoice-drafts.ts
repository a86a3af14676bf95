// Writes draft invoices (held for review: finalised later by billing.finalize-held) and their
// lines with one multi-row INSERT each. Conflicting invoices were left out by findLineConflicts;
// a line refused by the unique key all the same means something charged a locked subscription,
// and the batch rolls back.
import type { Tx } from "@/lib/db";
import type { InvoiceDraft } from "./compose-invoice";
import { insertInvoiceLines } from "./insert-invoice-lines";

export async function insertInvoiceDrafts(
  tx: Tx,
  invoices: readonly InvoiceDraft[],
  opts: { billingRunId: string | null; finalizeAfter: Date },
): Promise<void> {
  if (!invoices.length) return;
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
  await insertInvoiceLines(tx, invoices);
}
