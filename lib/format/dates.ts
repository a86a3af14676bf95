// Dates as people read them, in the ISP's locale; never an ISO string. Two kinds (DESIGN rule 2):
// calendar dates (billing dates: "YYYY-MM-DD", or a @db.Date that arrives as UTC midnight) are
// shown as they are, never shifted by a zone; instants (timestamptz) are shown in the ISP's zone.
// Pure: safe for client components.

const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, options: Intl.DateTimeFormatOptions) {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, options);
    cache.set(key, f);
  }
  return f;
}

/** A calendar date "YYYY-MM-DD" (or a @db.Date) as the instant that Intl formats at UTC. */
function calendarInstant(value: string | Date): Date {
  return typeof value === "string" ? new Date(`${value.slice(0, 10)}T00:00:00Z`) : value;
}

const DATE: Intl.DateTimeFormatOptions = { dateStyle: "medium", timeZone: "UTC" };

/** A calendar date: "31 Mar 2026" (en-ZA). Null reads as "—". */
export function formatDate(value: string | Date | null | undefined, locale: string): string {
  if (!value) return "—";
  return formatter(locale, DATE).format(calendarInstant(value));
}

/**
 * A billing period, half-open [start, end) as stored (RULES.md rule 2), shown with its last day:
 * "1–31 Mar 2026". Without an end, just the start date.
 */
export function formatPeriod(
  start: string | Date,
  endExclusive: string | Date | null | undefined,
  locale: string,
): string {
  const from = calendarInstant(start);
  if (!endExclusive) return formatDate(from, locale);
  const last = new Date(calendarInstant(endExclusive).getTime() - 86_400_000);
  if (last <= from) return formatDate(from, locale);
  return formatter(locale, DATE).formatRange(from, last);
}

export type Zoned = { locale: string; timeZone: string };

/** An instant with its time in the ISP's zone: "31 Mar 2026, 14:05". */
export function formatDateTime(value: Date | string | null | undefined, at: Zoned): string {
  if (!value) return "—";
  const d = typeof value === "string" ? new Date(value) : value;
  return formatter(at.locale, {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: at.timeZone,
  }).format(d);
}

/** The day an instant falls on in the ISP's zone: "31 Mar 2026". */
export function formatInstantDate(value: Date | string | null | undefined, at: Zoned): string {
  if (!value) return "—";
  const d = typeof value === "string" ? new Date(value) : value;
  return formatter(at.locale, { dateStyle: "medium", timeZone: at.timeZone }).format(d);
}
