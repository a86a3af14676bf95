// POST starts a billing run for `asOf` (default: today in the ISP's zone): 202 with the run at
// once (GET /billing-runs/{id} follows it), or 200 with the finished run when `wait` is true.
import { apiOperation, reply } from "@/lib/http/api-operation";
import { listBillingRuns, startBillingRun } from "@/lib/http/openapi/billing";
import { listBillingRuns as list, getBillingRun } from "@/lib/billing/list-billing-runs";
import { runBilling } from "@/lib/billing/run-billing";
import { todayForIsp } from "@/lib/billing/billing-settings";

export const GET = apiOperation(listBillingRuns, async ({ actor, query }) => ({
  runs: await list({ actor, limit: query.limit }),
}));

export const POST = apiOperation(startBillingRun, async ({ actor, body }) => {
  const asOf = body.asOf ?? (await todayForIsp());
  if (body.wait) {
    const summary = await runBilling({ asOf, actor, trigger: "api" });
    return getBillingRun({ runId: summary.runId, actor });
  }
  const run = await runBilling({ asOf, actor, trigger: "api", defer: true });
  return reply(202, await getBillingRun({ runId: run.runId, actor }));
});
