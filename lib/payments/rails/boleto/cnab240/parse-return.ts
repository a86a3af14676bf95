// A CNAB 240 return (retorno) file from the bank, read into plain entries: one per title event,
// from the T segment (which title, what happened, why) and the U segment after it (what was
// paid, when). Movement codes follow the FEBRABAN table: 02 entry confirmed, 03 entry rejected,
// 06 settled, 09 written off, 17 settled after write-off. Malformed files are refused whole, with
// the line that is wrong; nothing is half-read.
import { AppError } from "@/lib/errors";
import { at, isoFromCnab } from "./layout";

export type CnabReturnStatus = "REGISTERED" | "REJECTED" | "SETTLED" | "WRITTEN_OFF" | "OTHER";

export type CnabReturnEntry = {
  bankRef: string;
  documentNumber: string;
  /** Centavos: what was paid for a settlement, the title's amount otherwise. */
  amount: number;
  /** YYYY-MM-DD: when it happened at the bank (U segment), else the due date. */
  date: string | null;
  status: CnabReturnStatus;
  /** The movement code and the bank's reason codes (T 214–223), e.g. "03: 08 09". */
  reason: string | null;
  movement: string;
};

const STATUS: Record<string, CnabReturnStatus> = {
  "02": "REGISTERED",
  "03": "REJECTED",
  "06": "SETTLED",
  "09": "WRITTEN_OFF",
  "17": "SETTLED",
};

const fail = (line: number, why: string) =>
  new AppError("VALIDATION", `Not a CNAB 240 return file: line ${line} ${why}.`);

export function parseCnab240Return(text: string): CnabReturnEntry[] {
  const lines = text.split(/\r?\n/).filter((l) => l.length > 0);
  lines.forEach((l, i) => {
    if (l.length !== 240) throw fail(i + 1, `has ${l.length} characters, not 240`);
  });
  if (at(lines[0] ?? "", 8, 8) !== "0" || at(lines[0], 143, 143) !== "2")
    throw fail(1, "is not a return file header (record 0, code 2)");
  const last = lines.at(-1)!;
  if (at(last, 8, 8) !== "9") throw fail(lines.length, "is not the file trailer");
  if (Number(at(last, 24, 29)) !== lines.length)
    throw fail(
      lines.length,
      `counts ${Number(at(last, 24, 29))} records, the file has ${lines.length}`,
    );

  const entries: CnabReturnEntry[] = [];
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i];
    if (at(t, 8, 8) !== "3" || at(t, 14, 14) !== "T") continue;
    const u = lines[i + 1];
    if (!u || at(u, 8, 8) !== "3" || at(u, 14, 14) !== "U")
      throw fail(i + 2, "should be the U segment of the T before it");
    const movement = at(t, 16, 17);
    const status = STATUS[movement] ?? "OTHER";
    const reasons =
      at(t, 214, 223)
        .trim()
        .match(/\S{2}/g)
        ?.filter((r) => r !== "00") ?? [];
    const paid = Number(at(u, 78, 92));
    const nominal = Number(at(t, 82, 96));
    entries.push({
      bankRef: at(t, 38, 57).trim(),
      documentNumber: at(t, 59, 73).trim(),
      amount: status === "SETTLED" ? paid : nominal,
      date: isoFromCnab(at(u, 138, 145)) ?? isoFromCnab(at(t, 74, 81)),
      status,
      reason:
        status === "REJECTED" || status === "OTHER" || reasons.length
          ? [movement, reasons.join(" ")].filter(Boolean).join(": ")
          : null,
      movement,
    });
    i++;
  }
  return entries;
}
