import { expect, test } from "vitest";
import fc from "fast-check";
import { splitByWeights } from "./split-by-weights";

test("parts add up to the amount and follow the weights", () => {
  expect(splitByWeights(100, [1, 1, 1])).toEqual([34, 33, 33]);
  expect(splitByWeights(-1500, [10000, 5000])).toEqual([-1000, -500]);
  expect(splitByWeights(7, [0, 0])).toEqual([7, 0]);
  fc.assert(
    fc.property(
      fc.integer({ min: -1e9, max: 1e9 }),
      fc.array(fc.integer({ min: 0, max: 1e7 }), { minLength: 1, maxLength: 6 }),
      (amount, weights) => {
        const parts = splitByWeights(amount, weights);
        expect(parts.reduce((a, b) => a + b, 0)).toBe(amount);
      },
    ),
  );
});
