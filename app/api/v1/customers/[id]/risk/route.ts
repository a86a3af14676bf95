import { apiOperation } from "@/lib/http/api-operation";
import { getCustomerRisk as op } from "@/lib/http/openapi/reports";
import { getRiskScore } from "@/lib/reports/risk/get-risk-score";

export const GET = apiOperation(op, ({ actor, params }) =>
  getRiskScore({ actor, customerId: params.id }),
);
