// A rail confirmation we could not match (a Pix whose txid is no charge or invoice of ours, a
// paybill payment naming no account, a boleto settlement for an unknown document number) goes to
// the bank review queue as an entry without a file, inside the transaction that failed to match
// it, so the money is never just a log line. The entry's `bankRef` is the payment's `externalId`:
// a replayed confirmation finds it (nothing new), and matching it later books that payment once.
// Suggestions are the open invoices of exactly that amount, for a one-click match.
import "server-only";
import type { Tx } from "@/lib/db";
import type { Candidate } from "@/lib/bank/match-index";
import type { IsoDate } from "@/lib/time/dates";

export type RailConfirmation = {
  source: "PIX" | "MPESA" | "CNAB";
  /** The payment's externalId once booked: `pix:<endToEndId>`, `mpesa:<TransID>`, `boleto:…`. */
  externalId: string;
  amount: number; // minor units
  currency: string;
  bookingDate: IsoDate | null;
  reference: string | null;
  name: string | null;
};

/** Queues the confirmation for review unless it is queued already; true when new. */
export async function queueRailConfirmationTx(tx: Tx, c: RailConfirmation) {
  const sameAmount = await tx.$queryRawUnsafe<{ id: string; customerId: string; number: string }[]>(
    `SELECT id, "customerId", number FROM "Invoice"
      WHERE status IN ('OPEN', 'PARTIALLY_PAID') AND currency = $1
        AND total - "amountPaid" - "amountCredited" = $2
      ORDER BY "dueDate", number LIMIT 5`,
    c.currency,
    c.amount,
  );
  const suggestions: Candidate[] = sameAmount.map((i) => ({
    customerId: i.customerId,
    invoiceId: i.id,
    why: `same amount as invoice ${i.number}`,
  }));
  const inserted = await tx.$executeRawUnsafe(
    `INSERT INTO "BankEntry" (id, source, "bankRef", direction, amount, currency, "bookingDate",
       reference, name, status, suggestions)
     VALUES (gen_random_uuid()::text, $1, $2, 'CREDIT', $3, $4, $5::date, $6, $7, 'REVIEW', $8::jsonb)
     ON CONFLICT ("bankRef") DO NOTHING`,
    c.source,
    c.externalId.slice(0, 190),
    c.amount,
    c.currency,
    c.bookingDate,
    c.reference?.slice(0, 140) ?? null,
    c.name?.slice(0, 140) ?? null,
    JSON.stringify(suggestions),
  );
  return inserted > 0;
}
