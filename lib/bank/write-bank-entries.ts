// The rows an import writes to BankEntry: every entry inserted once by its bank reference (a
// re-import finds them and skips them), then each booked entry's outcome in one statement.
import "server-only";
import type { Tx } from "@/lib/db";
import type { Booked } from "./book-entry-tx";
import type { ParsedEntry, StatusItem } from "./parse/types";

type Row = {
  bankRef: string;
  direction: string;
  amount: number;
  currency: string;
  bookingDate: string | null;
  endToEndId: string | null;
  reference: string | null;
  name: string | null;
  reasonCode: string | null;
};

export const entryRow = (e: ParsedEntry): Row => ({
  bankRef: e.bankRef,
  direction: e.direction,
  amount: e.amount,
  currency: e.currency,
  bookingDate: e.bookingDate,
  endToEndId: e.txs.find((t) => t.endToEndId)?.endToEndId ?? null,
  reference: e.reference?.slice(0, 1000) ?? null,
  name: e.name,
  reasonCode: e.txs.find((t) => t.reasonCode)?.reasonCode ?? null,
});

export const statusRow = (s: StatusItem): Row => ({
  bankRef: s.bankRef,
  direction: "DEBIT",
  amount: s.amount ?? 0,
  currency: s.currency?.slice(0, 3) ?? "XXX",
  bookingDate: null,
  endToEndId: s.endToEndId,
  reference: [s.level, s.status, s.originalPmtInfId ?? s.originalMessageId]
    .filter(Boolean)
    .join(" "),
  name: null,
  reasonCode: s.reasonCode,
});

/** Inserts the chunk's entries; returns the bank references that were new. */
export async function insertNew(tx: Tx, fileId: string, rows: Row[]) {
  const inserted = await tx.$queryRawUnsafe<{ bankRef: string }[]>(
    `INSERT INTO "BankEntry" (id, "fileId", "bankRef", direction, amount, currency, "bookingDate", "endToEndId", reference, name, "reasonCode", status)
     SELECT gen_random_uuid()::text, $1, r."bankRef", r.direction, r.amount, r.currency, r."bookingDate"::date, r."endToEndId", r.reference, r.name, r."reasonCode", 'INFO'
       FROM jsonb_to_recordset($2::jsonb) AS r("bankRef" text, direction text, amount int, currency text, "bookingDate" text, "endToEndId" text, reference text, name text, "reasonCode" text)
     ON CONFLICT ("bankRef") DO NOTHING RETURNING "bankRef"`,
    fileId,
    JSON.stringify(rows),
  );
  return new Set(inserted.map((r) => r.bankRef));
}

/** Writes each booked entry's outcome in one statement. */
export async function markEntries(tx: Tx, booked: (Booked & { bankRef: string })[]) {
  if (!booked.length) return;
  await tx.$executeRawUnsafe(
    `UPDATE "BankEntry" e SET status = r.status, "matchedBy" = r."matchedBy",
            "customerId" = r."customerId", "paymentId" = r."paymentId", suggestions = r.suggestions
       FROM jsonb_to_recordset($1::jsonb) AS r("bankRef" text, status text, "matchedBy" text,
            "customerId" text, "paymentId" text, suggestions jsonb)
      WHERE e."bankRef" = r."bankRef"`,
    JSON.stringify(
      booked.map((b) => ({
        bankRef: b.bankRef,
        status: b.status,
        matchedBy: b.matchedBy ?? null,
        customerId: b.customerId ?? null,
        paymentId: b.paymentId ?? null,
        suggestions: b.suggestions ?? [],
      })),
    ),
  );
}
