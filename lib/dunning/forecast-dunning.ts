// The simulator: who will be reminded, charged, throttled, cut off or handed to collections on
// each of the next N days, and why — the sweep's own planner run day by day over today's state,
// assuming no payment arrives. Today counts from the current hour (what the remaining hourly
// sweeps can still do); later days count whole (calendar.ts windowFrom).
import "server-only";
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { now } from "@/lib/time/clock";
import { addDays, type IsoDate } from "@/lib/time/dates";
import { localClock, windowFrom } from "./calendar";
import { getDunningRules } from "./get-dunning-policies";
import { loadCandidatePage } from "./load-accounts";
import { doneKey, planAccount } from "./plan-account";
import { horizonOf } from "./run-dunning-sweep";
import { afterBreak, arrangementMissed } from "./arrangements/plan-arrangement";
import type { DunningStep } from "./steps";

export const MAX_FORECAST_DAYS = 90;

export type ForecastRow = {
  date: IsoDate;
  customerId: string;
  step: DunningStep;
  invoiceIds: string[];
  amount: number;
  reason: string;
};

export type ForecastDunningOptions = { actor: Actor; days: number; customerIds?: string[] };

export async function forecastDunning(opts: ForecastDunningOptions): Promise<ForecastRow[]> {
  assertCan(opts.actor, "billing:read");
  if (!Number.isInteger(opts.days) || opts.days < 1 || opts.days > MAX_FORECAST_DAYS)
    throw new AppError("VALIDATION", `Forecast 1 to ${MAX_FORECAST_DAYS} days.`, {
      days: `1 to ${MAX_FORECAST_DAYS}`,
    });
  const local = localClock(now());
  const rules = await getDunningRules();
  const horizon = addDays(horizonOf(rules, local(rules.timeZone).date), opts.days);
  const rows: ForecastRow[] = [];
  let afterId = "";
  for (;;) {
    const page = await loadCandidatePage(db, {
      horizon,
      afterId,
      limit: 2000,
      customerIds: opts.customerIds,
    });
    if (!page.length) break;
    afterId = page.at(-1)!.customerId;
    for (const account of page) {
      const policy = rules.policies[account.customerType];
      const start = local(account.timeZone ?? rules.timeZone);
      for (let d = 0; d < opts.days; d++) {
        const date = addDays(start.date, d);
        const window = windowFrom(date, d === 0 ? start.hour : 0, policy, rules.holidays);
        // An arrangement missed on this day breaks before the ladder's steps (as in the sweep).
        const missed = arrangementMissed(account, date, window);
        if (missed) afterBreak(account, date);
        for (const plan of [
          ...(missed ? [missed] : []),
          ...planAccount(account, policy, date, window),
        ]) {
          account.done.add(doneKey(plan.step, plan.invoiceId));
          rows.push({
            date,
            customerId: plan.customerId,
            step: plan.step,
            invoiceIds: plan.invoiceIds,
            amount: plan.amount,
            reason: plan.reason,
          });
        }
      }
    }
  }
  return rows.sort(
    (a, b) => a.date.localeCompare(b.date) || a.customerId.localeCompare(b.customerId),
  );
}
