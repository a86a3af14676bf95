// Counts and percentages in the ISP's locale. Pure: safe for client components.

export const formatNumber = (n: number, locale: string) => n.toLocaleString(locale);

/** A tax or discount rate as stored ("15.00", 12.5) → "15%", "12.5%". */
export function formatPercent(rate: number | string | { toString(): string }, locale: string) {
  return `${Number(rate.toString()).toLocaleString(locale, { maximumFractionDigits: 4 })}%`;
}

/** Bytes as "12 KB" / "3.4 MB" (attachments). */
export function formatBytes(bytes: number, locale: string) {
  if (bytes >= 1024 * 1024)
    return `${(bytes / 1024 / 1024).toLocaleString(locale, { maximumFractionDigits: 1 })} MB`;
  return `${Math.max(1, Math.ceil(bytes / 1024)).toLocaleString(locale)} KB`;
}
