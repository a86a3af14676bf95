// Readiness for load balancers (200 or 503 with `{ status }`) and, for admins signed in or with
// an ADMIN API key, the checks behind it. See lib/ops/readiness-checks.ts.
import { optionalActor } from "@/lib/http/optional-actor";
import { getReadiness } from "@/lib/ops/get-readiness";

export const dynamic = "force-dynamic";

export async function GET(req: Request) {
  const report = await getReadiness({ actor: await optionalActor(req) });
  return Response.json(report, {
    status: report.status === "unavailable" ? 503 : 200,
    headers: { "cache-control": "no-store" },
  });
}
