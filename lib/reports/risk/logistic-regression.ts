// Logistic regression small enough to explain: standardised features, batch gradient descent with
// a light L2 penalty, trained in-process. Each score splits into per-feature contributions to the
// log-odds (weight × standardised value), which is where a score's reasons come from. Floats are
// fine here: these are probabilities, not money.
export type Model = {
  features: string[];
  means: number[];
  scales: number[];
  weights: number[];
  intercept: number;
};

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

export function fitLogistic(
  features: string[],
  x: number[][],
  y: number[],
  opts: { iterations?: number; rate?: number; l2?: number } = {},
): Model {
  const { iterations = 400, rate = 0.3, l2 = 0.01 } = opts;
  const k = features.length;
  const n = x.length;
  const means = features.map((_, j) => x.reduce((s, r) => s + r[j], 0) / n);
  const scales = features.map((_, j) => {
    const v = x.reduce((s, r) => s + (r[j] - means[j]) ** 2, 0) / n;
    return Math.sqrt(v) || 1;
  });
  const z = x.map((r) => r.map((v, j) => (v - means[j]) / scales[j]));
  const w = new Array<number>(k).fill(0);
  const base = y.reduce((s, v) => s + v, 0) / n;
  let b = Math.log(Math.max(base, 1e-6) / Math.max(1 - base, 1e-6));
  for (let it = 0; it < iterations; it++) {
    const gw = new Array<number>(k).fill(0);
    let gb = 0;
    for (let i = 0; i < n; i++) {
      let s = b;
      for (let j = 0; j < k; j++) s += w[j] * z[i][j];
      const err = sigmoid(s) - y[i];
      gb += err;
      for (let j = 0; j < k; j++) gw[j] += err * z[i][j];
    }
    for (let j = 0; j < k; j++) w[j] -= rate * (gw[j] / n + l2 * w[j]);
    b -= rate * (gb / n);
  }
  return { features, means, scales, weights: w, intercept: b };
}

/** Contribution of each feature to the log-odds, relative to an average customer. */
export function contributions(model: Model, x: number[]) {
  return x.map((v, j) => (model.weights[j] * (v - model.means[j])) / model.scales[j]);
}

export function predict(model: Model, x: number[]) {
  return sigmoid(contributions(model, x).reduce((s, c) => s + c, model.intercept));
}
