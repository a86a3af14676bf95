import "server-only";
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { notFound } from "@/lib/errors";
import { fromDbDateOrNull } from "@/lib/time/dates";
import { guessMapping } from "./import-bank-file";
import { readCsvTable } from "./parse/csv-statement";
import { serializeBankFile } from "./serialize-bank-file";

export type GetBankFileOptions = { actor: Actor; fileId: string };

/** An imported file with its entries: what was matched, what waits for review, what was refused. */
export async function getBankFile({ actor, fileId }: GetBankFileOptions) {
  assertCan(actor, "payments:read");
  const file = await db.bankFile.findUnique({
    where: { id: fileId },
    include: { entries: { orderBy: { createdAt: "asc" }, take: 1000 } },
  });
  if (!file) throw notFound("Bank file");
  const table = file.status === "NEEDS_MAPPING" && file.content ? readCsvTable(file.content) : null;
  return {
    ...serializeBankFile(file),
    preview: table
      ? { header: table.header, rows: table.rows.slice(0, 5), guess: guessMapping(table.header) }
      : undefined,
    entries: file.entries.map((e) => ({
      id: e.id,
      bankRef: e.bankRef,
      direction: e.direction,
      amount: e.amount,
      currency: e.currency,
      bookingDate: fromDbDateOrNull(e.bookingDate),
      endToEndId: e.endToEndId,
      reference: e.reference,
      name: e.name,
      reasonCode: e.reasonCode,
      status: e.status,
      matchedBy: e.matchedBy,
      customerId: e.customerId,
      paymentId: e.paymentId,
    })),
  };
}
