// Money is integer minor units (cents). Fractions (proration, tax) are computed with decimal.js
// and rounded exactly once per invoice line, half-up (away from zero for .5, so a credit is the
// exact mirror of the charge it reverses).
import Decimal from "decimal.js";

export type DecimalLike = Decimal | number | string;

/** Rounds a decimal amount of minor units to an integer, half away from zero. */
export function roundHalfUp(value: DecimalLike): number {
  const n = new Decimal(value).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber();
  if (!Number.isSafeInteger(n)) throw new RangeError(`amount out of range: ${String(value)}`);
  return n === 0 ? 0 : n; // no -0
}

/** Sums integer minor units, refusing anything that is not an integer. */
export function sumMinor(values: readonly number[]): number {
  let total = 0;
  for (const v of values) {
    if (!Number.isInteger(v)) throw new TypeError(`not minor units: ${v}`);
    total += v;
  }
  return total;
}

export { Decimal };
