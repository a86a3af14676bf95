// The customer's payment-risk score (lib/reports/risk) with its three main reasons: a small card
// for staff with reports:read on the customer page.
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import type { Actor } from "@/lib/auth/roles";
import { formatPercent } from "@/lib/format/numbers";
import { getRiskScore } from "@/lib/reports/risk/get-risk-score";

export async function RiskCard({
  actor,
  customerId,
  locale,
}: {
  actor: Actor;
  customerId: string;
  locale: string;
}) {
  const { score } = await getRiskScore({ actor, customerId });
  return (
    <Card>
      <CardHeader
        title="Payment risk"
        description="Chance of paying the next invoice late, from the ISP's own history"
      />
      <CardBody className="text-sm text-slate-600">
        {!score ? (
          <p>Not scored yet: the model retrains weekly (job reports.train-risk).</p>
        ) : (
          <>
            <p className="tabular text-2xl font-semibold text-slate-900">
              {formatPercent(Math.round(Number(score.probability) * 1000) / 10, locale)}
              {score.high && (
                <span className="ml-2 rounded bg-red-50 px-2 py-0.5 align-middle text-xs font-medium text-red-700">
                  High
                </span>
              )}
            </p>
            {score.reasons.length > 0 && (
              <ul className="mt-2 list-disc pl-5">
                {score.reasons.map((r) => (
                  <li key={r.feature}>{r.label}</li>
                ))}
              </ul>
            )}
          </>
        )}
      </CardBody>
    </Card>
  );
}
