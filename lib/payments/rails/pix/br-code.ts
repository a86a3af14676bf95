// The Pix BR Code: an EMV Merchant-Presented-Mode payload (EMVCo QRCPS-MPM as profiled by the
// Banco Central's "Manual de Padrões para Iniciação do Pix"). Each field is ID (2 digits), length
// (2 digits) and value; the payload ends with field 63, a CRC16-CCITT (poly 0x1021, init 0xFFFF)
// over everything before its value, in four upper-case hex digits. The same text is shown as
// "Pix copia e cola" and encoded as the QR code. Pure functions, no I/O.
import { AppError } from "@/lib/errors";

const GUI = "br.gov.bcb.pix";

export function crc16(text: string): string {
  let crc = 0xffff;
  for (const byte of Buffer.from(text, "utf8")) {
    crc ^= byte << 8;
    for (let i = 0; i < 8; i++)
      crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc.toString(16).toUpperCase().padStart(4, "0");
}

const field = (id: string, value: string) => {
  const length = Buffer.byteLength(value, "utf8");
  if (length > 99) throw new AppError("VALIDATION", `BR Code field ${id} is longer than 99 bytes.`);
  return `${id}${String(length).padStart(2, "0")}${value}`;
};

/** Upper-case ASCII without accents: what banking apps show reliably (the manual's advice). */
export const emvText = (s: string, max: number) =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9 .,\-/]/g, "")
    .trim()
    .toUpperCase()
    .slice(0, max);

/** txid of a static code: letters and digits only, at most 25 (manual §1.6.6); "***" for none. */
export const staticTxid = (reference: string) =>
  reference.replace(/[^A-Za-z0-9]/g, "").slice(0, 25) || "***";

export type StaticBrCode = {
  /** The receiver's Pix key: CPF/CNPJ digits, e-mail, +55 phone or random key (EVP). */
  key: string;
  merchantName: string;
  merchantCity: string;
  /** Minor units (centavos); omitted lets the payer type the amount. */
  amount?: number;
  txid?: string;
  /** Free text shown to the payer (field 26-02). */
  description?: string;
};

export function buildStaticBrCode(c: StaticBrCode): string {
  const account =
    field("00", GUI) + field("01", c.key) + (c.description ? field("02", c.description) : "");
  const body =
    field("00", "01") +
    field("26", account) +
    field("52", "0000") +
    field("53", "986") +
    (c.amount !== undefined ? field("54", (c.amount / 100).toFixed(2)) : "") +
    field("58", "BR") +
    field("59", emvText(c.merchantName, 25)) +
    field("60", emvText(c.merchantCity, 15)) +
    field("62", field("05", c.txid ?? "***")) +
    "6304";
  return body + crc16(body);
}

export type BrCodeFields = Record<string, string | Record<string, string>>;

/** Fields whose value is itself a list of fields (templates). */
const TEMPLATES = new Set(["26", "62", "80"]);

function readFields(text: string, nested: boolean): Record<string, string> & BrCodeFields {
  const out: BrCodeFields = {};
  let at = 0;
  const bytes = Buffer.from(text, "utf8");
  while (at < bytes.length) {
    const id = bytes.subarray(at, at + 2).toString("ascii");
    const len = Number(bytes.subarray(at + 2, at + 4).toString("ascii"));
    if (!/^\d\d$/.test(id) || !Number.isInteger(len) || at + 4 + len > bytes.length)
      throw new AppError("VALIDATION", `Not a BR Code: bad field at byte ${at}.`);
    const value = bytes.subarray(at + 4, at + 4 + len).toString("utf8");
    out[id] = !nested && TEMPLATES.has(id) ? readFields(value, true) : value;
    at += 4 + len;
  }
  return out as Record<string, string> & BrCodeFields;
}

/** Decodes a payload and checks its CRC; throws VALIDATION on a bad code. */
export function parseBrCode(payload: string) {
  if (!payload.startsWith("000201")) throw new AppError("VALIDATION", "Not a BR Code.");
  const crcAt = payload.lastIndexOf("6304");
  if (crcAt < 0 || crcAt !== payload.length - 8)
    throw new AppError("VALIDATION", "The BR Code has no CRC at its end.");
  const expected = crc16(payload.slice(0, crcAt + 4));
  if (payload.slice(crcAt + 4) !== expected)
    throw new AppError("VALIDATION", `The BR Code's CRC is wrong (expected ${expected}).`);
  const fields = readFields(payload, false);
  const account = fields["26"] as Record<string, string> | undefined;
  const extra = fields["62"] as Record<string, string> | undefined;
  const amount = fields["54"] as string | undefined;
  return {
    fields,
    key: account?.["01"] ?? null,
    /** Dynamic codes carry the URL of the charge (26-25) instead of a key. */
    url: account?.["25"] ?? null,
    amount: amount ? Math.round(Number(amount) * 100) : null,
    merchantName: fields["59"] as string,
    merchantCity: fields["60"] as string,
    txid: extra?.["05"] ?? null,
  };
}
