// A subscription and a planner call with sensible defaults, shared by the planner's table tests.
import { planSubscription } from "./plan-subscription";
import type { PlanInput, SubscriptionState } from "@/lib/billing/types";
import { roundHalfUp } from "@/lib/money/round";

export const base: SubscriptionState = {
  id: "sub1",
  customerId: "c1",
  status: "ACTIVE",
  productId: "p1",
  productName: "Fibre 50",
  price: 30000,
  quantity: 1,
  interval: "MONTH",
  cycleMode: "ANNIVERSARY",
  anchorDay: 31,
  startDate: "2026-01-31",
  billedThrough: null,
  nextBillDate: "2026-01-31",
  contractEndDate: null,
  cancelAt: null,
  taxRate: "15",
  setupFee: 0,
  earlyTerminationPercent: 0,
};
export const plan = (
  over: Partial<Omit<PlanInput, "sub">> & { sub?: Partial<SubscriptionState> },
) =>
  planSubscription({
    asOf: "2026-01-31",
    planChanges: [],
    discounts: [],
    suspensions: [],
    creditSuspensions: false,
    ...over,
    sub: { ...base, ...over.sub },
  });
export const summary = (r: ReturnType<typeof plan>) =>
  r.lines.map((l) => [l.kind, l.periodStart, l.periodEnd, roundHalfUp(l.amount)]);
