// Report downloads for signed-in staff (CSV; PDF for aging and tax). API clients use
// /api/v1/reports/*. Permission and validation are in lib/reports/export/export-report.
import { fileRoute } from "@/lib/http/file-route";
import { exportReport } from "@/lib/reports/export/export-report";

export const GET = fileRoute<{ report: string; format: string }>(async ({ req, actor, params }) => {
  const file = await exportReport({
    actor,
    ...params,
    query: Object.fromEntries(req.nextUrl.searchParams),
  });
  return new Response(new Uint8Array(file.body), {
    headers: {
      "content-type": file.contentType,
      "content-disposition": `attachment; filename="${file.filename}"`,
      "cache-control": "private, no-store",
    },
  });
});
