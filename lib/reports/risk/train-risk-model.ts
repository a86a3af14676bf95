// Trains the payment-risk model on the ISP's own history (weekly job reports.train-risk): builds
// one sample per invoice whose outcome is known, back-tests on held-out customers, fits on all,
// stores the model, and scores every live customer for their next invoice with the three features
// that raise it most.
import "server-only";
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { getSettings } from "@/lib/settings/get-settings";
import { now } from "@/lib/time/clock";
import { dateInZone } from "@/lib/time/dates";
import { backtest, type Sample } from "./backtest";
import { contributions, fitLogistic, predict } from "./logistic-regression";
import { loadPaymentHistories } from "./load-payment-histories";
import { FEATURES, FEATURE_KEYS, featuresAt, samplesOf } from "./risk-features";

export type TrainRiskModelOptions = { actor: Actor };

/** Below this many known outcomes (or with only one kind) nothing is trained. */
const MIN_SAMPLES = 50;
/** Newest samples kept: enough for a stable fit, bounded time at 1M+ invoices. */
const MAX_SAMPLES = 60_000;
const BATCH = 5000;

export async function trainRiskModel({ actor }: TrainRiskModelOptions) {
  assertCan(actor, "billing:run");
  const { timeZone } = await getSettings();
  const today = dateInZone(now(), timeZone);
  const histories = await loadPaymentHistories(today);
  const samples: (Sample & { issueDate: string })[] = histories
    .flatMap((h) => samplesOf(h, today).map((s) => ({ ...s, customerId: h.customerId })))
    .sort((a, b) => b.issueDate.localeCompare(a.issueDate))
    .slice(0, MAX_SAMPLES);
  const late = samples.filter((s) => s.y === 1).length;
  if (samples.length < MIN_SAMPLES || late === 0 || late === samples.length)
    return { trained: false as const, samples: samples.length, late };

  const test = backtest(samples);
  const model = fitLogistic(
    [...FEATURE_KEYS],
    samples.map((s) => s.x),
    samples.map((s) => s.y),
  );
  const scoredAt = now();
  const scores = histories
    .filter((h) => h.invoices.length > 0)
    .map((h) => {
      const x = featuresAt(h, today, h.invoices[h.invoices.length - 1].total);
      const parts = contributions(model, x);
      const reasons = parts
        .map((c, j) => ({ feature: FEATURES[j].key, contribution: c, j }))
        .filter((r) => r.contribution > 0)
        .sort((a, b) => b.contribution - a.contribution)
        .slice(0, 3)
        .map((r) => ({
          feature: r.feature,
          label: x[r.j] >= model.means[r.j] ? FEATURES[r.j].up : FEATURES[r.j].down,
          contribution: Number(r.contribution.toFixed(4)),
        }));
      return { customerId: h.customerId, probability: predict(model, x).toFixed(6), reasons };
    });
  const saved = await db.$transaction(
    async (tx) => {
      const row = await tx.riskModel.create({
        data: {
          trainedAt: scoredAt,
          samples: samples.length,
          weights: model,
          auc: test.auc === null ? null : test.auc.toFixed(4),
          calibration: test.calibration,
        },
      });
      await tx.riskScore.deleteMany({});
      for (let i = 0; i < scores.length; i += BATCH)
        await tx.riskScore.createMany({
          data: scores.slice(i, i + BATCH).map((s) => ({ ...s, modelId: row.id, scoredAt })),
        });
      return row;
    },
    { timeout: 120_000 },
  );
  return {
    trained: true as const,
    modelId: saved.id,
    samples: samples.length,
    late,
    auc: test.auc === null ? null : Number(test.auc.toFixed(4)),
    calibration: test.calibration,
    tested: test.tested,
    scored: scores.length,
  };
}
