// CNAB 240 (FEBRABAN "Layout Padrão de Arquivos", cobrança): fixed-width 240-character records.
// Numbers are right-aligned and zero-filled, text left-aligned, upper-case ASCII and blank-filled;
// dates DDMMAAAA; money in centavos with no separator (13 digits + 2 decimals). Positions below
// are 1-based and inclusive, as the layout document writes them.
import { AppError } from "@/lib/errors";

export const num = (value: number | string, width: number) => {
  const digits = String(value).replace(/\D/g, "");
  if (digits.length > width)
    throw new AppError("VALIDATION", `CNAB: ${value} does not fit in ${width} digits.`);
  return digits.padStart(width, "0");
};

export const alpha = (value: string | null | undefined, width: number) =>
  (value ?? "")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9 .,\-/@&]/g, " ")
    .toUpperCase()
    .slice(0, width)
    .padEnd(width, " ");

export const blank = (width: number) => " ".repeat(width);

/** YYYY-MM-DD → DDMMAAAA ("00000000" for none). */
export const cnabDate = (iso: string | null | undefined) =>
  iso ? `${iso.slice(8, 10)}${iso.slice(5, 7)}${iso.slice(0, 4)}` : "00000000";

/** DDMMAAAA → YYYY-MM-DD, or null for zeros/blanks. */
export const isoFromCnab = (d: string) =>
  /^\d{8}$/.test(d) && d !== "00000000"
    ? `${d.slice(4, 8)}-${d.slice(2, 4)}-${d.slice(0, 2)}`
    : null;

/** Characters `from`..`to` (1-based, inclusive) of a record. */
export const at = (line: string, from: number, to: number) => line.slice(from - 1, to);

export function record(parts: string[]): string {
  const line = parts.join("");
  if (line.length !== 240) throw new Error(`CNAB record of ${line.length} characters, not 240`);
  return line;
}
