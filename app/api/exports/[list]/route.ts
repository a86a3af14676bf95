// CSV exports of the customer, invoice and payment lists for a signed-in colleague, with the
// list page's filters as the query (lib/exports/export-list checks the permission).
import { exportList } from "@/lib/exports/export-list";
import { fileRoute } from "@/lib/http/file-route";

export const dynamic = "force-dynamic";

export const GET = fileRoute<{ list: string }>(async ({ req, actor, params }) => {
  const query = Object.fromEntries(
    [...req.nextUrl.searchParams].filter(([, v]) => v !== "").map(([k, v]) => [k, v.slice(0, 200)]),
  );
  const { stream, filename } = await exportList({ actor, list: params.list, query });
  return new Response(stream, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "private, no-store",
    },
  });
});
