// Bank files write amounts as decimals with two places ("10.12"); we keep integer minor units.
// Strings only, no floats (DESIGN money rule 1). Currencies with other exponents are not
// collected by SEPA; statements in them are read with their own exponent by parseAmount.
export function formatMinor(minor: number): string {
  const sign = minor < 0 ? "-" : "";
  const abs = Math.abs(minor);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

/**
 * "1234.5", "1.234,50" (decimal comma), "-12" → minor units with `exponent` decimals.
 * Returns null when the text is not an amount.
 */
export function parseAmount(raw: string, opts: { decimalComma?: boolean; exponent?: number } = {}) {
  const exponent = opts.exponent ?? 2;
  let s = raw.trim().replace(/[\s'\u00a0]/g, "");
  if (opts.decimalComma) s = s.replace(/\./g, "").replace(",", ".");
  else s = s.replace(/,/g, "");
  const m = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(s);
  if (!m || (!m[2] && !m[3])) return null;
  const frac = (m[3] ?? "").padEnd(exponent, "0");
  if (frac.length > exponent && /[1-9]/.test(frac.slice(exponent))) return null;
  const value = Number(m[2] || "0") * 10 ** exponent + Number(frac.slice(0, exponent) || "0");
  if (!Number.isSafeInteger(value)) return null;
  return m[1] === "-" ? -value : value;
}
