import { apiRoute } from "@/lib/http/api-route";
import { getBillingRun } from "@/lib/billing/list-billing-runs";

export const GET = apiRoute<{ id: string }>(async ({ actor, params }) =>
  getBillingRun({ runId: params.id, actor }),
);
