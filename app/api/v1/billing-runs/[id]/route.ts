import { apiOperation } from "@/lib/http/api-operation";
import { getBillingRun as op } from "@/lib/http/openapi/billing";
import { getBillingRun } from "@/lib/billing/list-billing-runs";

export const GET = apiOperation(op, ({ actor, params }) =>
  getBillingRun({ runId: params.id, actor }),
);
