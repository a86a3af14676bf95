// Back-test: fit on four fifths of the customers, score the held-out fifth's invoices, and measure
// AUC and calibration there (split by customer, so no customer is in both).
import { fitLogistic, predict } from "./logistic-regression";
import { auc, calibration } from "./metrics";
import { FEATURE_KEYS } from "./risk-features";

export type Sample = { customerId: string; x: number[]; y: number };

const heldOut = (customerId: string) =>
  [...customerId].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) >>> 0, 7) % 5 === 0;

export function backtest(samples: Sample[]) {
  const train = samples.filter((s) => !heldOut(s.customerId));
  const test = samples.filter((s) => heldOut(s.customerId));
  if (!train.length || !test.length) return { auc: null, calibration: [], tested: 0 };
  const model = fitLogistic(
    [...FEATURE_KEYS],
    train.map((s) => s.x),
    train.map((s) => s.y),
  );
  const scores = test.map((s) => predict(model, s.x));
  const labels = test.map((s) => s.y);
  return {
    auc: auc(scores, labels),
    calibration: calibration(scores, labels),
    tested: test.length,
  };
}
