// A subscription's recurring revenue normalised to a month: price × quantity less its active
// discounts (the billing engine's own rule, lib/billing/discounts.ts), divided by the months in
// its interval (quarterly ÷ 3, yearly ÷ 12). Add-ons count with their plan. The sum for a plan
// subscription is rounded half-up to a whole minor unit once; report totals are sums of those.
import Decimal from "decimal.js";
import type { BillingInterval } from "@/lib/generated/prisma/enums";
import { discountFor, type DiscountSpec } from "@/lib/billing/discounts";
import { roundHalfUp } from "@/lib/money/round";

export const MONTHS_IN: Record<BillingInterval, number> = { MONTH: 1, QUARTER: 3, YEAR: 12 };

export type RecurringCharge = {
  price: number;
  quantity: number;
  interval: BillingInterval;
  discounts: readonly DiscountSpec[];
};

/** Unrounded monthly amount of one subscription (minor units). */
export function monthlyAmount(c: RecurringCharge): Decimal {
  const charge = new Decimal(c.price).mul(c.quantity);
  const off = discountFor(c.discounts, charge).amount;
  return charge.minus(off).div(MONTHS_IN[c.interval]);
}

/** MRR of a plan subscription with its add-ons, in whole minor units (half-up, once). */
export function monthlyRecurring(plan: RecurringCharge, addons: readonly RecurringCharge[] = []) {
  return roundHalfUp(addons.reduce((sum, a) => sum.plus(monthlyAmount(a)), monthlyAmount(plan)));
}
