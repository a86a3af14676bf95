// Gapless numbers per series (money rule 4). Call inside the transaction that uses them: the
// UPDATE locks the series row until commit, so concurrent callers queue and a rollback returns
// the numbers unused.
import "server-only";
import type { Tx } from "@/lib/db";

export type SeriesCode = "INVOICE" | "CREDIT_NOTE" | "ORDER" | "CUSTOMER" | "TICKET" | "RECEIPT";

export async function takeNumbers(tx: Tx, code: SeriesCode, count: number): Promise<string[]> {
  if (count <= 0) return [];
  const rows = await tx.$queryRaw<{ prefix: string; padding: number; first: number }[]>`
    UPDATE "NumberSeries" SET "nextNumber" = "nextNumber" + ${count}
    WHERE "code" = ${code}
    RETURNING "prefix", "padding", "nextNumber" - ${count} AS "first"`;
  if (!rows.length) throw new Error(`number series ${code} is missing`);
  const { prefix, padding, first } = rows[0];
  return Array.from(
    { length: count },
    (_, i) => `${prefix}${String(Number(first) + i).padStart(padding, "0")}`,
  );
}

export const takeNumber = async (tx: Tx, code: SeriesCode) => (await takeNumbers(tx, code, 1))[0];
