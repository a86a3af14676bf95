// When a risk score counts as high: the seam dunning uses to send the earlier reminder step and
// offer a move to debit order or card. A dunning policy may carry its own threshold; this is the
// default it falls back to.
export const DEFAULT_HIGH_RISK_THRESHOLD = 0.5;

export const isHighRisk = (probability: number, threshold = DEFAULT_HIGH_RISK_THRESHOLD) =>
  probability >= threshold;
