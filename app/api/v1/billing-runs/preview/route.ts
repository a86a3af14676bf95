import { apiOperation } from "@/lib/http/api-operation";
import { previewBillingRun } from "@/lib/http/openapi/billing";
import { previewBilling } from "@/lib/billing/preview-billing";
import { todayForIsp } from "@/lib/billing/billing-settings";

export const GET = apiOperation(previewBillingRun, async ({ actor, query }) =>
  previewBilling({ asOf: query.asOf ?? (await todayForIsp()), actor }),
);
