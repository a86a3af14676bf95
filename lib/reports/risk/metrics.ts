// Back-test measures: area under the ROC curve (the chance a late payer scores above an on-time
// one, ties counting half) and calibration (predicted against observed lateness per decile band).
export function auc(scores: number[], labels: number[]): number | null {
  const pairs = scores.map((s, i) => ({ s, y: labels[i] })).sort((a, b) => a.s - b.s);
  const pos = labels.filter((y) => y === 1).length;
  const neg = labels.length - pos;
  if (!pos || !neg) return null;
  let rankSum = 0;
  for (let i = 0; i < pairs.length;) {
    let j = i;
    while (j < pairs.length && pairs[j].s === pairs[i].s) j++;
    const avgRank = (i + 1 + j) / 2; // ranks i+1 … j share their average
    for (let t = i; t < j; t++) if (pairs[t].y === 1) rankSum += avgRank;
    i = j;
  }
  return (rankSum - (pos * (pos + 1)) / 2) / (pos * neg);
}

export type CalibrationBin = { bin: string; predicted: number; observed: number; count: number };

export function calibration(scores: number[], labels: number[], bins = 5): CalibrationBin[] {
  const out: CalibrationBin[] = [];
  for (let b = 0; b < bins; b++) {
    const lo = b / bins;
    const hi = (b + 1) / bins;
    const idx = scores
      .map((s, i) => i)
      .filter((i) => scores[i] >= lo && (scores[i] < hi || (b === bins - 1 && scores[i] <= 1)));
    if (!idx.length) continue;
    const mean = (xs: number[]) => xs.reduce((a, v) => a + v, 0) / xs.length;
    out.push({
      bin: `${Math.round(lo * 100)}–${Math.round(hi * 100)}%`,
      predicted: Number(mean(idx.map((i) => scores[i])).toFixed(4)),
      observed: Number(mean(idx.map((i) => labels[i])).toFixed(4)),
      count: idx.length,
    });
  }
  return out;
}
