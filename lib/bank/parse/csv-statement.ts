// CSV statements: read with the bank's saved column mapping (chosen on its first import). Each
// row is an entry; its bank reference is a hash of its fields (and how often the same fields
// occurred before in the file, so two identical rows stay two entries). Unreadable dates or
// amounts refuse the file, naming the line.
import { createHash } from "node:crypto";
import { parse } from "csv-parse/sync";
import { parseAmount } from "../amounts";
import type { CsvMapping } from "../csv-mapping-schema";
import { RefusedFile, type ParsedEntry } from "./types";

export type CsvTable = { delimiter: string; header: string[]; rows: string[][]; headerKey: string };

export function readCsvTable(text: string): CsvTable {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? "";
  const delimiter = [";", "\t", ",", "|"].sort(
    (a, b) => firstLine.split(b).length - firstLine.split(a).length,
  )[0];
  let records: string[][];
  try {
    records = parse(text, {
      delimiter,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      bom: true,
    });
  } catch (err) {
    const e = err as { lines?: number; message: string };
    throw new RefusedFile(`line ${e.lines ?? "?"}`, `not a readable CSV file: ${e.message}`);
  }
  const [header, ...rows] = records;
  if (!header || header.length < 2 || !rows.length)
    throw new RefusedFile(
      "line 1",
      "not a bank file: expected a CSV header line and at least one row",
    );
  const headerKey = header.map((h) => h.toLowerCase()).join("|");
  return { delimiter, header, rows, headerKey };
}

function parseDate(raw: string, format: CsvMapping["dateFormat"]): string | null {
  const m =
    format === "yyyy-MM-dd"
      ? /^(\d{4})-(\d{2})-(\d{2})/.exec(raw)?.slice(1)
      : format === "yyyyMMdd"
        ? /^(\d{4})(\d{2})(\d{2})$/.exec(raw)?.slice(1)
        : (() => {
            const p = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(raw);
            if (!p) return undefined;
            return format === "MM/dd/yyyy" ? [p[3], p[1], p[2]] : [p[3], p[2], p[1]];
          })();
  if (!m) return null;
  const [y, mo, d] = m.map(Number);
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCMonth() === mo - 1 ? date.toISOString().slice(0, 10) : null;
}

export function readCsvStatement(
  table: CsvTable,
  mapping: CsvMapping,
  currency: string,
): ParsedEntry[] {
  const col = (name: string | undefined) => (name ? table.header.indexOf(name) : -1);
  const at = {
    date: col(mapping.date),
    amount: col(mapping.amount),
    credit: col(mapping.credit),
    debit: col(mapping.debit),
    reference: col(mapping.reference),
    payer: col(mapping.payer),
    balance: col(mapping.balance),
  };
  if (at.date < 0 || at.reference < 0 || (at.amount < 0 && at.credit < 0))
    throw new RefusedFile("line 1", "the saved column mapping does not fit this file's header");
  const seen = new Map<string, number>();
  return table.rows.map((row, i) => {
    const line = `line ${i + 2}`;
    const cell = (n: number) => (n >= 0 ? (row[n] ?? "").trim() : "");
    const date = parseDate(cell(at.date), mapping.dateFormat);
    if (!date) throw new RefusedFile(line, `date "${cell(at.date)}" is not ${mapping.dateFormat}`);
    const num = (raw: string) =>
      raw ? parseAmount(raw, { decimalComma: mapping.decimalComma }) : 0;
    const signed =
      at.amount >= 0
        ? num(cell(at.amount))
        : (num(cell(at.credit)) ?? 0) - Math.abs(num(cell(at.debit)) ?? 0);
    if (signed === null) throw new RefusedFile(line, `amount "${cell(at.amount)}" is not a number`);
    const fields = [date, signed, cell(at.reference), cell(at.payer), cell(at.balance)].join("|");
    const n = (seen.get(fields) ?? 0) + 1;
    seen.set(fields, n);
    const hash = createHash("sha256").update(`${fields}|${n}`).digest("hex").slice(0, 40);
    return {
      bankRef: `csv:${hash}`,
      direction: signed < 0 ? "DEBIT" : "CREDIT",
      amount: Math.abs(signed),
      currency,
      bookingDate: date,
      isReturn: false,
      reference: cell(at.reference) || null,
      name: cell(at.payer) || null,
      batchRefs: [],
      txs: [],
    } satisfies ParsedEntry;
  });
}
