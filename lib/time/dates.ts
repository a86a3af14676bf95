// Billing dates are calendar dates in the ISP's time zone, written as ISO "YYYY-MM-DD" strings in
// lib logic. Prisma's @db.Date arrives as a Date at UTC midnight: convert only at the DB edge.
// All arithmetic is in UTC so no local-time or DST shift can move a date.
import { addDays as addDaysFns, differenceInCalendarDays } from "date-fns";
import { TZDate } from "@date-fns/tz";
import { AppError } from "@/lib/errors";

export type IsoDate = string; // YYYY-MM-DD

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: string): value is IsoDate {
  const m = ISO.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.toISOString().slice(0, 10) === value;
}

/** A date from outside (a form, the API, a job payload): anything else is a 400, not a crash. */
export function assertIsoDate(value: string, field = "date"): IsoDate {
  if (!isIsoDate(value))
    throw new AppError("VALIDATION", "Use a real date written YYYY-MM-DD.", {
      [field]: "must be a real date written YYYY-MM-DD",
    });
  return value;
}

/** The DB edge: a @db.Date value (UTC midnight) to "YYYY-MM-DD". */
export function fromDbDate(date: Date): IsoDate {
  return date.toISOString().slice(0, 10);
}
export function fromDbDateOrNull(date: Date | null | undefined): IsoDate | null {
  return date ? fromDbDate(date) : null;
}

/** The DB edge: "YYYY-MM-DD" to the UTC-midnight Date Prisma writes to a @db.Date column. */
export function toDbDate(date: IsoDate): Date {
  return new Date(`${date}T00:00:00.000Z`);
}

export function parts(date: IsoDate): { year: number; month: number; day: number } {
  return { year: +date.slice(0, 4), month: +date.slice(5, 7), day: +date.slice(8, 10) };
}

export function makeDate(year: number, month: number, day: number): IsoDate {
  return new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDbDate(addDaysFns(toDbDate(date), days));
}

/** Whole days from `from` to `to` (exclusive end): daysBetween("2026-01-01", "2026-02-01") = 31. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return differenceInCalendarDays(toDbDate(to), toDbDate(from));
}

export const minDate = (a: IsoDate, b: IsoDate): IsoDate => (a <= b ? a : b);
export const maxDate = (a: IsoDate, b: IsoDate): IsoDate => (a >= b ? a : b);

/** The calendar date at `instant` in `timeZone` (DST-safe: the zone database decides the offset). */
export function dateInZone(instant: Date, timeZone: string): IsoDate {
  const z = new TZDate(instant.getTime(), timeZone);
  return makeDate(z.getFullYear(), z.getMonth() + 1, z.getDate());
}

/** The instant `hour`:00 on `date` in `timeZone`. */
export function instantInZone(date: IsoDate, hour: number, timeZone: string): Date {
  const { year, month, day } = parts(date);
  return new Date(new TZDate(year, month - 1, day, hour, 0, 0, timeZone).getTime());
}
