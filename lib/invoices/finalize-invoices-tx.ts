// Finalises draft invoices inside the caller's transaction (money rule 4): numbers come from one
// UPDATE of the series row, which holds its row lock until commit, so numbers are sequential and a
// rolled-back transaction gives its block back (no gaps). The snapshot freezes the customer's and
// the ISP's details, and each invoice posts its ledger entry exactly once (unique source key).
import "server-only";
import type { Tx } from "@/lib/db";
import { ispSnapshot, snapshotSql } from "./invoice-snapshot";
import { takeNumbers } from "@/lib/numbering/take-numbers";

const DEFAULT_PREFIX = { INVOICE: "INV-", CREDIT_NOTE: "CN-" } as const;

/** Gapless numbers from a series (lib/numbering); the row is created with defaults if setup skipped it. */
export async function takeDocumentNumbers(
  tx: Tx,
  code: keyof typeof DEFAULT_PREFIX,
  count: number,
): Promise<string[]> {
  await tx.$executeRawUnsafe(
    `INSERT INTO "NumberSeries" (code, prefix) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
    code,
    DEFAULT_PREFIX[code],
  );
  return takeNumbers(tx, code, count);
}

/** Finalises the given drafts (others are ignored); returns the ids finalised, in number order. */
export async function finalizeInvoicesTx(
  tx: Tx,
  ids: readonly string[],
  at: Date,
): Promise<string[]> {
  if (!ids.length) return [];
  // Lock the drafts first, so the block of numbers taken matches exactly what gets finalised.
  const drafts = await tx.$queryRawUnsafe<{ id: string }[]>(
    `SELECT i.id FROM "Invoice" i JOIN "Customer" c ON c.id = i."customerId"
      WHERE i.id = ANY($1::text[]) AND i.status = 'DRAFT'
      ORDER BY i."issueDate", c."accountNumber", i.id FOR UPDATE OF i`,
    ids,
  );
  if (!drafts.length) return [];
  const ordered = drafts.map((d) => d.id);
  const isp = await ispSnapshot(tx);
  const numbers = await takeDocumentNumbers(tx, "INVOICE", ordered.length);
  const updated = await tx.$executeRawUnsafe(
    `UPDATE "Invoice" i
        SET status = (CASE WHEN i.total <= 0 THEN 'PAID' ELSE 'OPEN' END)::"InvoiceStatus",
            number = v.number, "finalizedAt" = $3, "finalizeAfter" = NULL,
            snapshot = ${snapshotSql("$4")}
       FROM unnest($1::text[], $2::text[]) AS v(id, number), "Customer" c LEFT JOIN "Address" a ON a.id = c."billingAddressId"
      WHERE i.id = v.id AND c.id = i."customerId"`,
    ordered,
    numbers,
    at,
    JSON.stringify(isp),
  );
  if (updated !== ordered.length)
    throw new Error(`finalised ${updated} of ${ordered.length} invoices`);
  await tx.$executeRawUnsafe(
    `INSERT INTO "LedgerEntry" ("customerId", kind, "sourceKey", amount, currency, description, "effectiveDate", "invoiceId", "postedAt")
     SELECT i."customerId", 'INVOICE', 'invoice:' || i.id, i.total, i.currency, 'Invoice ' || i.number, i."issueDate", i.id, $2
       FROM "Invoice" i WHERE i.id = ANY($1::text[])
     ON CONFLICT ("sourceKey") DO NOTHING`,
    ordered,
    at,
  );
  return ordered;
}
