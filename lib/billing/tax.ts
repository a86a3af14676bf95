// Tax per invoice line, rounded half-up once (Stripe Tax and Lago both compute tax per line item).
// Prices are either tax-inclusive (tax extracted: gross × rate / (100 + rate)) or exclusive (tax
// added: net × rate / 100), per the ISP setting or the plan's own tax behaviour.
import Decimal from "decimal.js";
import type { TaxBehavior } from "@/lib/generated/prisma/enums";
import { roundHalfUp, type DecimalLike } from "@/lib/money/round";

/** Whether a price includes tax: the plan's own behaviour when it has one, else the ISP's setting. */
export function priceIncludesTax(
  behavior: TaxBehavior | null | undefined,
  ispPricesIncludeTax: boolean,
): boolean {
  return behavior ? behavior === "INCLUSIVE" : ispPricesIncludeTax;
}

export type LineAmounts = { netAmount: number; taxAmount: number; totalAmount: number };

/**
 * `amount` is the line's unrounded price as displayed (gross when prices include tax, net when
 * not); `ratePercent` e.g. 15 for 15 %. The displayed amount is rounded once, then the tax.
 */
export function lineAmounts(
  amount: DecimalLike,
  ratePercent: DecimalLike,
  pricesIncludeTax: boolean,
): LineAmounts {
  const shown = roundHalfUp(amount);
  const rate = new Decimal(ratePercent);
  if (pricesIncludeTax) {
    const taxAmount = roundHalfUp(new Decimal(shown).mul(rate).div(rate.plus(100)));
    return { netAmount: shown - taxAmount, taxAmount, totalAmount: shown };
  }
  const taxAmount = roundHalfUp(new Decimal(shown).mul(rate).div(100));
  return { netAmount: shown, taxAmount, totalAmount: shown + taxAmount };
}

export type TaxRow = { rate: string; netAmount: number; taxAmount: number };

/** The invoice's tax summary: one row per rate, sums of the already-rounded lines. */
export function taxBreakdown(
  lines: readonly { taxRate: DecimalLike; netAmount: number; taxAmount: number }[],
): TaxRow[] {
  const byRate = new Map<string, TaxRow>();
  for (const line of lines) {
    const rate = new Decimal(line.taxRate).toFixed(4);
    const row = byRate.get(rate) ?? { rate, netAmount: 0, taxAmount: 0 };
    row.netAmount += line.netAmount;
    row.taxAmount += line.taxAmount;
    byRate.set(rate, row);
  }
  return [...byRate.values()].sort((a, b) => new Decimal(b.rate).cmp(a.rate));
}

/** Invoice totals are sums of rounded lines (money rule 1), never recomputed from a total. */
export function invoiceTotals(lines: readonly LineAmounts[]): {
  subtotal: number;
  taxTotal: number;
  total: number;
} {
  let subtotal = 0;
  let taxTotal = 0;
  for (const l of lines) {
    subtotal += l.netAmount;
    taxTotal += l.taxAmount;
  }
  return { subtotal, taxTotal, total: subtotal + taxTotal };
}
