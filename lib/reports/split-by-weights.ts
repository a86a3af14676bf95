// Splits a whole amount of minor units across weights so the parts add up exactly (largest
// remainder: each part is floored, then the leftover units go to the largest fractions).
import Decimal from "decimal.js";

export function splitByWeights(amount: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (weights.length === 0) return [];
  if (sum === 0) return weights.map((_, i) => (i === 0 ? amount : 0));
  const sign = amount < 0 ? -1 : 1;
  const abs = Math.abs(amount);
  const exact = weights.map((w) => new Decimal(abs).mul(w).div(sum));
  const parts = exact.map((e) => e.floor().toNumber());
  let left = abs - parts.reduce((a, b) => a + b, 0);
  const order = exact
    .map((e, i) => ({ i, frac: e.minus(e.floor()) }))
    .sort((a, b) => b.frac.comparedTo(a.frac) || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    parts[i]++;
    left--;
  }
  return parts.map((p) => (p === 0 ? 0 : sign * p));
}
