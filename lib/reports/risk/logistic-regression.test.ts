import { expect, test } from "vitest";
import { seededRandom } from "@/lib/demo/seed-demo";
import { contributions, fitLogistic, predict } from "./logistic-regression";
import { auc, calibration } from "./metrics";

test("learns a known logistic signal: right signs, good AUC, calibrated", () => {
  const rnd = seededRandom(1);
  const x: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < 4000; i++) {
    const a = rnd() * 4 - 2;
    const b = rnd() < 0.5 ? 1 : 0;
    const noise = rnd();
    const p = 1 / (1 + Math.exp(-(-0.5 + 1.5 * a - 1.0 * b)));
    x.push([a, b, noise]);
    y.push(rnd() < p ? 1 : 0);
  }
  const model = fitLogistic(["a", "b", "noise"], x, y, { iterations: 600 });
  expect(model.weights[0]).toBeGreaterThan(0.5);
  expect(model.weights[1]).toBeLessThan(-0.2);
  expect(Math.abs(model.weights[2])).toBeLessThan(0.15);
  const scores = x.map((r) => predict(model, r));
  expect(auc(scores, y)!).toBeGreaterThan(0.8);
  for (const bin of calibration(scores, y).filter((c) => c.count > 200))
    expect(Math.abs(bin.predicted - bin.observed)).toBeLessThan(0.08);
  const c = contributions(model, [2, 0, 0.5]);
  expect(c[0]).toBeGreaterThan(c[1]);
});

test("AUC: perfect, reversed, ties and one class", () => {
  expect(auc([0.1, 0.2, 0.8, 0.9], [0, 0, 1, 1])).toBe(1);
  expect(auc([0.9, 0.8, 0.2, 0.1], [0, 0, 1, 1])).toBe(0);
  expect(auc([0.5, 0.5], [0, 1])).toBe(0.5);
  expect(auc([0.5, 0.6], [1, 1])).toBeNull();
});
