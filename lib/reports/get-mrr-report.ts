// MRR per month from the daily snapshots: opening (the last snapshot before the month), new,
// expansion, contraction, churn, reactivation, closing (the last snapshot in the month, or today's
// when the month is current); subscriber counts, customer churn rate and ARPU; and the closing MRR
// of the last month by plan, technology and coverage area. A month with no snapshot of its own
// closes where it opened, so closing(m) = opening(m + 1) always.
import "server-only";
import Decimal from "decimal.js";
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { getSettings } from "@/lib/settings/get-settings";
import { roundHalfUp } from "@/lib/money/round";
import { addDays, daysInMonth, fromDbDate, makeDate, parts, type IsoDate } from "@/lib/time/dates";
import { movementsSql, type MovementRow } from "./mrr-movements-sql";
import type { ReportRange } from "./report-range-schema";
import { getMrrBreakdown } from "./get-mrr-breakdown";

export type GetMrrReportOptions = { actor: Actor } & ReportRange;

/** First days of the months from `from`'s month to `to`'s month. */
export function monthsBetween(from: IsoDate, to: IsoDate): IsoDate[] {
  const months: IsoDate[] = [];
  let { year, month } = parts(from);
  const end = parts(to);
  while (year < end.year || (year === end.year && month <= end.month)) {
    months.push(makeDate(year, month, 1));
    month = month === 12 ? 1 : month + 1;
    if (month === 1) year++;
  }
  return months;
}

export async function getMrrReport({ actor, ...range }: GetMrrReportOptions) {
  assertCan(actor, "reports:read");
  return readMrr(range);
}

/** The report without the permission check (the dashboard authorises its own reader). */
export async function readMrr({
  from,
  to,
  breakdown = true,
}: ReportRange & { breakdown?: boolean }) {
  const { currency } = await getSettings();
  const months = monthsBetween(from, to);
  const ends = months.map((m) => {
    const { year, month } = parts(m);
    return makeDate(year, month, daysInMonth(year, month));
  });
  // The last snapshot day on or before each boundary (the day before each month, and its end).
  const bounds = [addDays(months[0], -1), ...ends];
  const latest = await db.$queryRaw<{ day: Date | null }[]>`
    SELECT (SELECT max(day) FROM "MrrSnapshot" WHERE day <= b) AS day
    FROM unnest(${bounds}::date[]) WITH ORDINALITY AS t(b, k) ORDER BY k`;
  const days = latest.map((r) => (r.day ? fromDbDate(r.day) : null));
  const rows = await Promise.all(
    months.map((_, i) => db.$queryRaw<MovementRow[]>(movementsSql(days[i], days[i + 1]))),
  );
  const result = months.map((m, i) => {
    const r = rows[i][0];
    const n = (v: bigint) => Number(v);
    return {
      month: m.slice(0, 7),
      openingDay: days[i],
      closingDay: days[i + 1],
      opening: n(r.opening),
      new: n(r.new),
      expansion: n(r.expansion),
      contraction: n(r.contraction),
      churn: n(r.churn),
      reactivation: n(r.reactivation),
      closing: n(r.closing),
      openingSubscribers: r.openingSubscribers,
      newSubscribers: r.newSubscribers,
      reactivatedSubscribers: r.reactivatedSubscribers,
      churnedSubscribers: r.churnedSubscribers,
      closingSubscribers: r.closingSubscribers,
      churnRate: rate(r.churnedSubscribers, r.openingSubscribers),
      revenueChurnRate: rate(n(r.churn), n(r.opening)),
      arpu: r.closingSubscribers
        ? roundHalfUp(new Decimal(n(r.closing)).div(r.closingSubscribers))
        : 0,
    };
  });
  const lastDay = days[days.length - 1];
  return {
    from,
    to,
    currency,
    months: result,
    breakdown: lastDay && breakdown ? await getMrrBreakdown(lastDay) : null,
  };
}

/** A share as a decimal string with four places ("0.0250" = 2.5 %); "0" when nothing to divide. */
function rate(part: number, whole: number) {
  return whole ? new Decimal(part).div(whole).toFixed(4) : "0";
}

export type MrrReport = Awaited<ReturnType<typeof readMrr>>;
