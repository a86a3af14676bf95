// The one money formatter. Amounts are integer minor units; the currency decides the exponent.
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

export function formatMoney(minor: number, currency: string, locale = "en-ZA"): string {
  const digits = minorUnitDigits(currency);
  return formatter(currency, locale).format(minor / 10 ** digits);
}
