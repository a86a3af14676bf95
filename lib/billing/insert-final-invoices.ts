// Writes invoices that nothing holds for review straight as final, in one statement set (money
// rule 4): the invoice row with its number, snapshot and status, its ledger entry in the same
// statement, then its lines. No draft is invoices and updated, so no row is invoices twice.
//
// Numbers are gapless, so an invoice must never be numbered and then dropped: the caller has left
// out invoices that would lose a line (findLineConflicts). Taking the numbers locks the series row
// until commit, so everything a batch can write before it (subscription state) it writes first.
import "server-only";
import type { Tx } from "@/lib/db";
import { takeDocumentNumbers } from "@/lib/invoices/finalize-invoices-tx";
import { ispSnapshot, snapshotSql } from "@/lib/invoices/invoice-snapshot";
import type { InvoiceDraft } from "./compose-invoice";
import { insertInvoiceLines } from "./insert-invoice-lines";

/** Returns the ids written, in number order. */
export async function insertFinalInvoices(
  tx: Tx,
  invoices: readonly InvoiceDraft[],
  opts: { billingRunId: string | null; at: Date },
): Promise<string[]> {
  if (!invoices.length) return [];

  const isp = await ispSnapshot(tx);
  const numbers = await takeDocumentNumbers(tx, "INVOICE", invoices.length);
  const col = <T>(f: (i: InvoiceDraft) => T) => invoices.map(f);
  // Numbers in (issue date, account number, id) order, as finalizeInvoicesTx hands them out.
  const rows = await tx.$queryRawUnsafe<{ id: string; number: string }[]>(
    `WITH inv AS (
       INSERT INTO "Invoice" (id, "customerId", status, number, currency, "issueDate", "dueDate", subtotal, "taxTotal", total,
                              "billingRunId", "finalizedAt", snapshot)
       SELECT v.id, v.customer, (CASE WHEN v.total <= 0 THEN 'PAID' ELSE 'OPEN' END)::"InvoiceStatus",
              ($9::text[])[(row_number() OVER (ORDER BY v.issue, c."accountNumber", v.id))::int],
              v.currency, v.issue, v.due, v.subtotal, v.tax, v.total, $10, $11, ${snapshotSql("$12")}
         FROM unnest($1::text[], $2::text[], $3::text[], $4::date[], $5::date[], $6::int[], $7::int[], $8::int[])
              AS v(id, customer, currency, issue, due, subtotal, tax, total)
         JOIN "Customer" c ON c.id = v.customer LEFT JOIN "Address" a ON a.id = c."billingAddressId"
       RETURNING id, "customerId", number, total, currency, "issueDate"),
     ledger AS (
       INSERT INTO "LedgerEntry" ("customerId", kind, "sourceKey", amount, currency, description, "effectiveDate", "invoiceId", "postedAt")
       SELECT "customerId", 'INVOICE', 'invoice:' || id, total, currency, 'Invoice ' || number, "issueDate", id, $11 FROM inv)
     SELECT id, number FROM inv`,
    col((i) => i.id),
    col((i) => i.customerId),
    col((i) => i.currency),
    col((i) => i.issueDate),
    col((i) => i.dueDate),
    col((i) => i.subtotal),
    col((i) => i.taxTotal),
    col((i) => i.total),
    numbers,
    opts.billingRunId,
    opts.at,
    JSON.stringify(isp),
  );
  if (rows.length !== invoices.length)
    throw new Error(`wrote ${rows.length} of ${invoices.length} invoices`);

  await insertInvoiceLines(tx, invoices);

  const rank = new Map(numbers.map((n, i) => [n, i]));
  rows.sort((a, b) => rank.get(a.number)! - rank.get(b.number)!);
  return rows.map((r) => r.id);
}
