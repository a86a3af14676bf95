// SMS length rules: GSM-7 text fits 160 characters in one message (153 per part when split; the
// extension characters ^{}\[~]|€ count twice); anything outside GSM-7 goes as UCS-2, 70 (67).
const GSM7 =
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
const GSM7_EXT = "^{}\\[~]|€\f";

export function smsEncoding(text: string): "GSM-7" | "UCS-2" {
  return [...text].every((c) => GSM7.includes(c) || GSM7_EXT.includes(c)) ? "GSM-7" : "UCS-2";
}

/** Characters as the network counts them (GSM-7 extension characters take two). */
export function smsLength(text: string): number {
  if (smsEncoding(text) === "UCS-2") return [...text].length;
  return [...text].reduce((n, c) => n + (GSM7_EXT.includes(c) ? 2 : 1), 0);
}

/** How many messages the text is sent as. */
export function smsParts(text: string): number {
  const len = smsLength(text);
  const [single, part] = smsEncoding(text) === "GSM-7" ? [160, 153] : [70, 67];
  return len <= single ? 1 : Math.ceil(len / part);
}

/** Intl puts no-break spaces in amounts and dates; GSM-7 has none, so one would make it UCS-2. */
export const gsmFriendly = (text: string) => text.replace(/[\u00a0\u202f\u2009]/g, " ");
