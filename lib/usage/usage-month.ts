// The cap period: a calendar month in the ISP's time zone (lib/usage/RULES.md), and GB in
// bytes. Decimal GB (10⁹ bytes) because that is what plans are sold in and what the NAS counts
// can be checked against; the portal shows the same unit.
import { addDays, dateInZone, makeDate, parts, type IsoDate } from "@/lib/time/dates";

export const BYTES_PER_GB = 1_000_000_000n;

export type UsageMonth = { start: IsoDate; end: IsoDate };

/** The month containing `date`: [first day, first day of the next month). */
export function usageMonthOf(date: IsoDate): UsageMonth {
  const { year, month } = parts(date);
  return {
    start: makeDate(year, month, 1),
    end: month === 12 ? makeDate(year + 1, 1, 1) : makeDate(year, month + 1, 1),
  };
}

export function currentUsageMonth(at: Date, timeZone: string): UsageMonth & { today: IsoDate } {
  const today = dateInZone(at, timeZone);
  return { ...usageMonthOf(today), today };
}

/** The month before `month`. */
export const previousUsageMonth = (month: UsageMonth): UsageMonth =>
  usageMonthOf(addDays(month.start, -1));
