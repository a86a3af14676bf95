// Prometheus scrape endpoint, protected by METRICS_TOKEN (unset → 404). See lib/ops/metrics.
import { errorResponse } from "@/lib/http/error-response";
import { scrapeMetrics } from "@/lib/ops/metrics/scrape-metrics";

export const dynamic = "force-dynamic";

export async function GET(req: Request) {
  try {
    const { contentType, body } = await scrapeMetrics({
      authorization: req.headers.get("authorization"),
    });
    return new Response(body, {
      headers: { "content-type": contentType, "cache-control": "no-store" },
    });
  } catch (e) {
    return errorResponse(e, "GET /api/metrics");
  }
}
