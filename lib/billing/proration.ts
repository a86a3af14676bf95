// Proration by days (Stripe, Kill Bill and Lago all prorate by day): amount × days / days in the
// full period the days fall in. Kept unrounded: the line rounds once (money rule 1).
import Decimal from "decimal.js";
import { fullPeriodEndingAt, periodDays, type Cycle, type Period } from "./cycles";
import { daysBetween, type IsoDate } from "@/lib/time/dates";

const ONE = new Decimal(1);

export function prorate(amount: number, days: number, fullDays: number): Decimal {
  if (fullDays <= 0) throw new RangeError("empty period");
  return new Decimal(amount).mul(days).div(fullDays);
}

/**
 * `amount` per full period, for days [from, to) that may span several periods (suspension credits):
 * each piece is prorated against its own period, scaled by `factorAt` its first day (the share of
 * the list price that was charged for it), summed unrounded.
 */
export function prorateAcross(
  cycle: Cycle,
  amount: number,
  range: Period,
  lastPeriodEnd: IsoDate,
  factorAt: (day: IsoDate) => Decimal = () => ONE,
): Decimal {
  let total = new Decimal(0);
  let end = lastPeriodEnd;
  while (end > range.start) {
    const full = fullPeriodEndingAt(cycle, end);
    const from = range.start > full.start ? range.start : full.start;
    const to = range.end < end ? range.end : end;
    if (to > from)
      total = total.plus(
        prorate(amount, daysBetween(from, to), periodDays(full)).mul(factorAt(from)),
      );
    end = full.start;
  }
  return total;
}
