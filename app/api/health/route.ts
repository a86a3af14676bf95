// Liveness: the process answers. It touches nothing else, so a slow database never gets a live
// instance restarted; /api/ready says whether it can serve.
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ status: "ok" }, { headers: { "cache-control": "no-store" } });
}
