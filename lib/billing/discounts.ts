// Discounts per subscription: percentage or fixed amount off each recurring charge, for N billing
// cycles or forever (Stripe coupons' duration "repeating"/"forever", Lago's coupon frequency).
// A fixed discount is not prorated and never takes a charge below zero (Stripe caps amount_off).
import Decimal from "decimal.js";
import type { DiscountKind } from "@/lib/generated/prisma/enums";

export type DiscountSpec = {
  id: string;
  kind: DiscountKind;
  percent: string | null;
  amount: number | null;
  cycles: number | null;
  cyclesUsed: number;
  description: string;
};

export const isDiscountActive = (d: DiscountSpec) => d.cycles === null || d.cyclesUsed < d.cycles;

/** The positive amount taken off `charge` by the active discounts (unrounded), and which applied. */
export function discountFor(
  discounts: readonly DiscountSpec[],
  charge: Decimal,
): { amount: Decimal; applied: DiscountSpec[] } {
  let remaining = charge;
  const applied: DiscountSpec[] = [];
  // Percentages first, then fixed amounts, so the order discounts were added never changes the sum.
  const ordered = [...discounts]
    .filter(isDiscountActive)
    .sort((a, b) => (a.kind === b.kind ? 0 : a.kind === "PERCENT" ? -1 : 1));
  for (const d of ordered) {
    if (remaining.lte(0)) break;
    const off =
      d.kind === "PERCENT"
        ? charge.mul(new Decimal(d.percent ?? 0)).div(100)
        : new Decimal(d.amount ?? 0);
    const taken = Decimal.min(off, remaining);
    remaining = remaining.minus(taken);
    applied.push(d);
  }
  return { amount: charge.minus(remaining), applied };
}
