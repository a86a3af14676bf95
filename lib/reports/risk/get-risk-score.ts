// A customer's latest payment-risk score with its three reasons and the model's back-test, for the
// admin customer page, GET /api/v1/customers/{id}/risk and dunning (isHighRisk).
import "server-only";
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { notFound } from "@/lib/errors";
import { DEFAULT_HIGH_RISK_THRESHOLD, isHighRisk } from "./risk-threshold";

export type GetRiskScoreOptions = { actor: Actor; customerId: string; threshold?: number };

type Reason = { feature: string; label: string; contribution: number };

export async function getRiskScore({ actor, customerId, threshold }: GetRiskScoreOptions) {
  assertCan(actor, "reports:read");
  const customer = await db.customer.findUnique({
    where: { id: customerId },
    select: {
      id: true,
      riskScore: { select: { probability: true, reasons: true, scoredAt: true, modelId: true } },
    },
  });
  if (!customer) throw notFound("Customer");
  const s = customer.riskScore;
  if (!s) return { customerId, score: null };
  const model = await db.riskModel.findUnique({
    where: { id: s.modelId },
    select: { trainedAt: true, auc: true, samples: true },
  });
  const probability = Number(s.probability);
  return {
    customerId,
    score: {
      probability: s.probability.toFixed(4),
      high: isHighRisk(probability, threshold ?? DEFAULT_HIGH_RISK_THRESHOLD),
      reasons: s.reasons as Reason[],
      scoredAt: s.scoredAt.toISOString(),
      model: model
        ? {
            trainedAt: model.trainedAt.toISOString(),
            samples: model.samples,
            auc: model.auc?.toFixed(4) ?? null,
          }
        : null,
    },
  };
}

export type RiskScore = Awaited<ReturnType<typeof getRiskScore>>;
