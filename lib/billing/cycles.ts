// Billing periods. A period is [start, end): `end` is the first day of the next period (the same
// convention as Subscription.billedThrough, Suspension.endDate and Kill Bill's invoice items).
// Anniversary cycles clamp to the month end and return to the anchor day (31 Jan → 28/29 Feb →
// 31 Mar → 30 Apr); calendar cycles align to the 1st of the month / quarter / year (Lago's
// "calendar" billing time).
import type { BillingInterval, CycleMode } from "@/lib/generated/prisma/enums";
import { daysBetween, daysInMonth, makeDate, parts, type IsoDate } from "@/lib/time/dates";

export type Cycle = { mode: CycleMode; interval: BillingInterval; anchorDay: number };
export type Period = { start: IsoDate; end: IsoDate };

export const INTERVAL_MONTHS: Record<BillingInterval, number> = { MONTH: 1, QUARTER: 3, YEAR: 12 };

/** Day `anchorDay` of the month `monthOffset` months after (year, month), clamped to its length. */
function clampedDate(year: number, month: number, monthOffset: number, anchorDay: number): IsoDate {
  const index = year * 12 + (month - 1) + monthOffset;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return makeDate(y, m, Math.min(anchorDay, daysInMonth(y, m)));
}

/** The anniversary `months` after a boundary (or before, when negative). */
export function shiftAnniversary(boundary: IsoDate, months: number, anchorDay: number): IsoDate {
  const { year, month } = parts(boundary);
  return clampedDate(year, month, months, anchorDay);
}

/** First calendar boundary (1st of an aligned month) strictly after `date`. */
function nextCalendarBoundary(date: IsoDate, interval: BillingInterval): IsoDate {
  const n = INTERVAL_MONTHS[interval];
  const { year, month } = parts(date);
  const aligned = Math.floor((month - 1) / n) * n; // 0-based month that starts this calendar period
  return clampedDate(year, aligned + 1, n, 1);
}

/**
 * End of the period that starts on `start`. `first` marks a subscription's first period, which
 * in calendar mode (or anniversary mode with an anchor day other than the start day) is a stub
 * up to the next boundary.
 */
export function periodEnd(cycle: Cycle, start: IsoDate, first: boolean): IsoDate {
  const n = INTERVAL_MONTHS[cycle.interval];
  if (cycle.mode === "CALENDAR") return nextCalendarBoundary(start, cycle.interval);
  const { year, month, day } = parts(start);
  const onAnchor = day === Math.min(cycle.anchorDay, daysInMonth(year, month));
  if (!first || onAnchor) return shiftAnniversary(start, n, cycle.anchorDay);
  // Stub to the next anchor-day date (Stripe's billing_cycle_anchor in the next month at most).
  const thisMonth = clampedDate(year, month, 0, cycle.anchorDay);
  return thisMonth > start ? thisMonth : clampedDate(year, month, 1, cycle.anchorDay);
}

/** The full (unprorated) period that ends on `end`: the denominator of every proration. */
export function fullPeriodEndingAt(cycle: Cycle, end: IsoDate): Period {
  const n = INTERVAL_MONTHS[cycle.interval];
  const anchor = cycle.mode === "CALENDAR" ? 1 : cycle.anchorDay;
  return { start: shiftAnniversary(end, -n, anchor), end };
}

export function periodDays(p: Period): number {
  return daysBetween(p.start, p.end);
}

/** The periods a subscription started on `startDate` runs through, for tables and previews. */
export function periodsFrom(cycle: Cycle, startDate: IsoDate, count: number): Period[] {
  const out: Period[] = [];
  let start = startDate;
  for (let i = 0; i < count; i++) {
    const end = periodEnd(cycle, start, i === 0);
    out.push({ start, end });
    start = end;
  }
  return out;
}

/** Where a subscription stands: its start and, once billed, the end of its last billed period. */
export type CycleAnchor = { startDate: IsoDate; billedThrough: IsoDate | null };

const MAX_PERIODS = 5000; // centuries of monthly periods: a guard, not a limit

/**
 * The subscription's period containing `date` (the first period for a date before the start).
 * Boundaries are found from the last billed period end — a real boundary even after an interval
 * change — forwards with the cycle, or backwards with the full period before each end.
 */
export function periodContaining(cycle: Cycle, at: CycleAnchor, date: IsoDate): Period {
  const first = { start: at.startDate, end: periodEnd(cycle, at.startDate, true) };
  if (date < at.startDate) return first;
  if (!at.billedThrough || date >= at.billedThrough) {
    let start = at.billedThrough ?? at.startDate;
    for (let i = 0; i < MAX_PERIODS; i++) {
      const end = periodEnd(cycle, start, start === at.startDate);
      if (date < end) return { start, end };
      start = end;
    }
    throw new RangeError(`no period contains ${date}`);
  }
  let end = at.billedThrough;
  for (let i = 0; i < MAX_PERIODS; i++) {
    const full = fullPeriodEndingAt(cycle, end);
    const start = full.start > at.startDate ? full.start : at.startDate;
    if (date >= start) return { start, end };
    end = start;
  }
  throw new RangeError(`no period contains ${date}`);
}

/** The first period end on or after `date` (a notice period's end falls on a boundary or before one). */
export function firstPeriodEndOnOrAfter(cycle: Cycle, at: CycleAnchor, date: IsoDate): IsoDate {
  const p = periodContaining(cycle, at, date);
  return date === p.start && date > at.startDate ? date : p.end;
}
