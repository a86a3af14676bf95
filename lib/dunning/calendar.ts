// When dunning may act. Suspensions never on a weekend (if the policy says so), a public holiday
// of the ISP's country, or at/after the cut-off hour; messages only outside quiet hours — both in
// the customer's time zone. The sweep asks about one hour, the forecast about the rest of a day:
// the same rules, so a forecast day holds exactly what that day's hourly sweeps will do.
import { TZDate } from "@date-fns/tz";
import { dateInZone, type IsoDate } from "@/lib/time/dates";

export type CalendarRules = {
  skipWeekends: boolean;
  cutoffHour: number;
  quietStartHour: number;
  quietEndHour: number;
};

/** What may happen in a span of local hours [fromHour, 24) of `date`. */
export type Window = { messages: boolean; suspensions: boolean };

export function isExcludedDay(date: IsoDate, rules: CalendarRules, holidays: Set<IsoDate>) {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return (rules.skipWeekends && (weekday === 0 || weekday === 6)) || holidays.has(date);
}

/** The window from local hour `fromHour` to the end of the day. */
export function windowFrom(
  date: IsoDate,
  fromHour: number,
  rules: CalendarRules,
  holidays: Set<IsoDate>,
): Window {
  const first = Math.max(fromHour, rules.quietEndHour);
  const messages = first < rules.quietStartHour;
  const suspensions =
    messages &&
    first < Math.min(rules.cutoffHour, rules.quietStartHour) &&
    !isExcludedDay(date, rules, holidays);
  return { messages, suspensions };
}

/** The window of one hour: what an hourly sweep at `hour` may do. */
export function windowAt(
  date: IsoDate,
  hour: number,
  rules: CalendarRules,
  holidays: Set<IsoDate>,
) {
  const inside = hour >= rules.quietEndHour && hour < rules.quietStartHour;
  return {
    messages: inside,
    suspensions: inside && hour < rules.cutoffHour && !isExcludedDay(date, rules, holidays),
  };
}

/** The local date and hour of `instant` in `timeZone`. */
export function localTime(instant: Date, timeZone: string): { date: IsoDate; hour: number } {
  return {
    date: dateInZone(instant, timeZone),
    hour: new TZDate(instant.getTime(), timeZone).getHours(),
  };
}

/** localTime of one instant, worked out once per time zone (a sweep plans thousands of accounts). */
export function localClock(instant: Date): (timeZone: string) => { date: IsoDate; hour: number } {
  const zones = new Map<string, { date: IsoDate; hour: number }>();
  return (timeZone) => {
    let local = zones.get(timeZone);
    if (!local) zones.set(timeZone, (local = localTime(instant, timeZone)));
    return local;
  };
}
