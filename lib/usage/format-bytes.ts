// The one byte formatter: decimal units (1 GB = 10⁹ bytes), as ISPs sell data.
const UNITS = ["B", "kB", "MB", "GB", "TB", "PB"];

export function formatBytes(bytes: number, locale = "en-ZA"): string {
  let unit = 0;
  let value = bytes;
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000;
    unit++;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value)} ${UNITS[unit]}`;
}
