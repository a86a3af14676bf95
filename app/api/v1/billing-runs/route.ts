// POST starts a billing run for `asOf` (default: today in the ISP's zone). With `wait: true` the
// response comes when the run is done; otherwise 202 at once and GET /billing-runs/{id} follows it.
import { z } from "zod";
import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/http/api-route";
import { listBillingRuns, getBillingRun } from "@/lib/billing/list-billing-runs";
import { runBilling } from "@/lib/billing/run-billing";
import { todayForIsp } from "@/lib/billing/billing-settings";
import { isIsoDate } from "@/lib/time/dates";

const body = z.object({
  asOf: z.string().refine(isIsoDate, "Use YYYY-MM-DD").optional(),
  wait: z.boolean().default(false),
});

export const GET = apiRoute(async ({ req, actor }) => ({
  runs: await listBillingRuns({
    actor,
    limit: Number(req.nextUrl.searchParams.get("limit") ?? 50),
  }),
}));

export const POST = apiRoute(async ({ req, actor }) => {
  const v = body.parse(await req.json().catch(() => ({})));
  const asOf = v.asOf ?? (await todayForIsp());
  if (v.wait) {
    const summary = await runBilling({ asOf, actor, trigger: "api" });
    return getBillingRun({ runId: summary.runId, actor });
  }
  const run = await runBilling({ asOf, actor, trigger: "api", defer: true });
  return NextResponse.json(await getBillingRun({ runId: run.runId, actor }), { status: 202 });
});
