// The billing rules for one subscription, as a pure function: from its state and what is pending
// (plan changes, a cancellation date, discounts, suspensions) to the invoice lines due on or
// before `asOf` and the state after them. The billing run, plan changes and cancellations all go
// through here, so an immediate action and the nightly run can never disagree.
import Decimal from "decimal.js";
import { fullPeriodEndingAt, periodDays, periodEnd, type Cycle } from "@/lib/billing/cycles";
import { discountFor } from "@/lib/billing/discounts";
import { prorate, prorateAcross } from "@/lib/billing/proration";
import { earlyTerminationFee } from "./termination";
import type {
  ChargedSpan,
  LineDraft,
  PlanInput,
  PlanResult,
  SubscriptionState,
} from "@/lib/billing/types";
import { daysBetween, maxDate, minDate, type IsoDate } from "@/lib/time/dates";

const cycleOf = (s: SubscriptionState): Cycle => ({
  mode: s.cycleMode,
  interval: s.interval,
  anchorDay: s.anchorDay,
});
const ONE = new Decimal(1);
const MAX_STEPS = 2000; // decades of monthly periods; a guard against a runaway loop, not a limit

function line(
  s: SubscriptionState,
  kind: LineDraft["kind"],
  description: string,
  start: IsoDate | null,
  end: IsoDate | null,
  amount: Decimal,
  unitAmount = s.price,
): LineDraft {
  return {
    subscriptionId: s.id,
    kind,
    description,
    periodStart: start,
    periodEnd: end,
    quantity: String(s.quantity),
    unitAmount,
    amount,
    taxRate: s.taxRate,
    taxBehavior: s.taxBehavior ?? null,
  };
}

/** Share of a full period's price for [from, to) in the period ending `end`, and a "17/31 days" note. */
function share(
  s: SubscriptionState,
  from: IsoDate,
  to: IsoDate,
  end: IsoDate,
): { amount: Decimal; note: string } {
  const fullDays = periodDays(fullPeriodEndingAt(cycleOf(s), end));
  const days = daysBetween(from, to);
  const amount = prorate(s.price * s.quantity, days, fullDays);
  return { amount, note: days === fullDays ? "" : ` (${days}/${fullDays} days)` };
}

/**
 * [from, to) cut at the boundaries of `s`'s periods, walking back from `to` (a period end): a
 * back-dated change or cancellation credits and charges each billed period on its own line,
 * prorated against that period.
 */
function perPeriod(s: SubscriptionState, from: IsoDate, to: IsoDate) {
  const pieces: { from: IsoDate; to: IsoDate }[] = [];
  for (let end = to; end > from;) {
    const start = fullPeriodEndingAt(cycleOf(s), end).start;
    pieces.unshift({ from: maxDate(start, from), to: end });
    end = start;
  }
  return pieces;
}

export function planSubscription(input: PlanInput): PlanResult {
  const { asOf } = input;
  const sub: SubscriptionState = { ...input.sub };
  const result: PlanResult = {
    lines: [],
    sub,
    changed: false,
    cancelled: false,
    appliedPlanChangeIds: [],
    discountUses: new Map(),
    suspensionCredits: [],
  };
  const changes = [...input.planChanges].sort((a, b) =>
    a.effectiveDate < b.effectiveDate ? -1 : 1,
  );
  const suspensions = input.suspensions.map((x) => ({ ...x }));
  const discounts = input.discounts.map((d) => ({ ...d }));
  // Credits give back what was charged (discount included), not the list price: the latest span
  // containing a day says which share of the list price its invoice charged.
  const charged: ChargedSpan[] = [...(input.charged ?? [])];
  const factorAt = (day: IsoDate): Decimal => {
    for (let i = charged.length - 1; i >= 0; i--)
      if (charged[i].start <= day && day < charged[i].end) return charged[i].factor;
    return ONE;
  };
  const credit = (s: SubscriptionState, from: IsoDate, to: IsoDate, end: IsoDate) => {
    const r = share(s, from, to, end);
    return { amount: r.amount.mul(factorAt(from)), note: r.note };
  };

  // Suspended days already billed before `upTo` and not yet credited (SKIP policy).
  const creditSuspensions = (upTo: IsoDate) => {
    if (!input.creditSuspensions || !sub.billedThrough) return;
    const limit = minDate(upTo, sub.billedThrough);
    for (const s of suspensions) {
      const from = maxDate(maxDate(s.startDate, s.creditedThrough ?? s.startDate), sub.startDate);
      const to = s.endDate ? minDate(s.endDate, limit) : limit;
      if (to <= from) continue;
      const amount = prorateAcross(
        cycleOf(sub),
        sub.price * sub.quantity,
        { start: from, end: to },
        sub.billedThrough,
        factorAt,
      ).neg();
      // A fully discounted period charged nothing, so there is nothing to give back.
      if (!amount.isZero())
        result.lines.push(
          line(
            sub,
            "SUSPENSION_CREDIT",
            `${sub.productName}: suspended ${daysBetween(from, to)} days`,
            from,
            to,
            amount,
          ),
        );
      s.creditedThrough = to;
      result.suspensionCredits.push({
        id: s.id,
        creditedThrough: to,
        closed: s.endDate !== null && s.endDate <= to,
      });
    }
  };

  for (let step = 0; step < MAX_STEPS; step++) {
    if (sub.status === "CANCELLED") break;
    const due = sub.nextBillDate ?? sub.billedThrough ?? sub.startDate;
    const change = changes.find((c) => !result.appliedPlanChangeIds.includes(c.id));
    const t = [due, change?.effectiveDate, sub.cancelAt].filter((d): d is IsoDate => !!d).sort()[0];
    if (!t || t > asOf) break;
    result.changed = true;

    if (sub.cancelAt && sub.cancelAt === t) {
      const bt = sub.billedThrough;
      creditSuspensions(t);
      for (const p of bt && t < bt ? perPeriod(sub, t, bt) : []) {
        const { amount, note } = credit(sub, p.from, p.to, p.to);
        if (!amount.isZero())
          result.lines.push(
            line(
              sub,
              "CANCELLATION_CREDIT",
              `${sub.productName}: unused days after cancellation${note}`,
              p.from,
              p.to,
              amount.neg(),
            ),
          );
      }
      const etf = earlyTerminationFee({
        effectiveDate: t,
        contractEndDate: sub.contractEndDate,
        price: sub.price,
        quantity: sub.quantity,
        interval: sub.interval,
        percent: sub.earlyTerminationPercent,
      });
      if (etf.amount.gt(0)) {
        result.lines.push(
          line(
            sub,
            "TERMINATION_FEE",
            `${sub.productName}: early termination, ${etf.months} months remaining × ${sub.earlyTerminationPercent}%`,
            t,
            sub.contractEndDate,
            etf.amount,
          ),
        );
      }
      sub.status = "CANCELLED";
      sub.nextBillDate = null;
      if (bt && t < bt) sub.billedThrough = t;
      result.cancelled = true;
      break;
    }

    if (change && change.effectiveDate === t) {
      const bt = sub.billedThrough;
      const next = {
        ...sub,
        productId: change.toProduct.id,
        productName: change.toProduct.name,
        price: change.toProduct.price,
        interval: change.toProduct.interval,
        taxRate: change.toProduct.taxRate,
        taxBehavior: change.toProduct.taxBehavior ?? null,
        earlyTerminationPercent: change.toProduct.earlyTerminationPercent,
      };
      if (bt && t < bt) {
        // Mid-period upgrade (Stripe's create_prorations): credit the unused old plan, charge the
        // new; a back-dated change does so for each billed period from its effective date on.
        if (next.interval !== sub.interval)
          throw new Error("a mid-period plan change cannot change the billing interval");
        for (const p of perPeriod(sub, t, bt)) {
          const old = credit(sub, p.from, p.to, p.to);
          if (!old.amount.isZero())
            result.lines.push(
              line(
                sub,
                "PRORATION_CREDIT",
                `${sub.productName}: unused days${old.note}`,
                p.from,
                p.to,
                old.amount.neg(),
              ),
            );
          const neu = share(next, p.from, p.to, p.to);
          result.lines.push(
            line(
              next,
              "PRORATION_CHARGE",
              `${next.productName}: remaining days${neu.note}`,
              p.from,
              p.to,
              neu.amount,
            ),
          );
          charged.push({ start: p.from, end: p.to, factor: ONE }); // the new plan's days in full
        }
      }
      Object.assign(sub, next);
      result.appliedPlanChangeIds.push(change.id);
      continue;
    }

    // A period billed in advance on its first day.
    const first = sub.billedThrough === null;
    const start = due;
    const end = periodEnd(cycleOf(sub), start, first);
    creditSuspensions(start);
    const { amount, note } = share(sub, start, end, end);
    result.lines.push(line(sub, "RECURRING", `${sub.productName}${note}`, start, end, amount));
    if (first && sub.setupFee > 0) {
      result.lines.push({
        ...line(
          sub,
          "SETUP",
          `${sub.productName}: setup`,
          start,
          null,
          new Decimal(sub.setupFee),
          sub.setupFee,
        ),
        quantity: "1",
      });
    }
    const off = discountFor(discounts, amount);
    if (off.amount.gt(0)) {
      result.lines.push({
        ...line(
          sub,
          "DISCOUNT",
          `Discount: ${off.applied.map((d) => d.description).join(", ")}`,
          start,
          end,
          off.amount.neg(),
          0,
        ),
        quantity: "1",
      });
      for (const d of off.applied) {
        d.cyclesUsed += 1;
        result.discountUses.set(d.id, (result.discountUses.get(d.id) ?? 0) + 1);
      }
    }
    charged.push({ start, end, factor: amount.gt(0) ? amount.minus(off.amount).div(amount) : ONE });
    sub.billedThrough = end;
    sub.nextBillDate = end;
  }
  return result;
}
