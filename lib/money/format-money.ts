// The one money formatter. Amounts are integer minor units; the currency decides the exponent.
// No float arithmetic: the minor units become an exact decimal string ("-1234.50") that Intl
// formats as it is. Pure: safe for client components.
const cache = new Map<string, Intl.NumberFormat>();

function formatter(currency: string, locale: string) {
  const key = `${locale}|${currency}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, { style: "currency", currency });
    cache.set(key, f);
  }
  return f;
}

export function minorUnitDigits(currency: string): number {
  return (
    new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions()
      .maximumFractionDigits ?? 2
  );
}

/** Minor units as a plain decimal string in major units: 79900 ZAR → "799.00", -5 → "-0.05". */
export function toMajorString(minor: number, currency: string): string {
  if (!Number.isSafeInteger(minor)) throw new RangeError(`not whole minor units: ${minor}`);
  const digits = minorUnitDigits(currency);
  const abs = String(Math.abs(minor)).padStart(digits + 1, "0");
  const whole = abs.slice(0, abs.length - digits);
  const sign = minor < 0 ? "-" : "";
  return digits === 0 ? `${sign}${whole}` : `${sign}${whole}.${abs.slice(abs.length - digits)}`;
}

/** 79900 ZAR in en-ZA → "R 799,00". */
export function formatMoney(minor: number, currency: string, locale = "en-ZA"): string {
  // Intl formats a numeric string exactly (no binary rounding on the way).
  return formatter(currency, locale).format(toMajorString(minor, currency) as unknown as number);
}
