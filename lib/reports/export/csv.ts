// CSV as spreadsheets read it (RFC 4180): quoted when needed, CRLF line ends. Amounts are written
// in major units with a dot ("1234.50") so a spreadsheet sums them as numbers; a cell starting
// with = + - @ is prefixed with ' so it cannot run as a formula.
import { toMajorString } from "@/lib/money/format-money";

type Cell = string | number | null;

const escape = (v: Cell) => {
  let s = v === null ? "" : String(v);
  if (/^[=+\-@\t\r]/.test(s) && !/^-?\d/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export const toCsv = (header: string[], rows: Cell[][]) =>
  [header, ...rows].map((r) => r.map(escape).join(",")).join("\r\n") + "\r\n";

export const major = (minor: number, currency: string) => toMajorString(minor, currency);
