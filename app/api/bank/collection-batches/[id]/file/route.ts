// The collection file for signed-in staff (banking:write, checked in lib): the admin's download
// link. API clients use GET /api/v1/collection-batches/{id}/file.
import { getCollectionFile } from "@/lib/bank/get-collection-file";
import { fileRoute } from "@/lib/http/file-route";

export const GET = fileRoute<{ id: string }>(async ({ actor, params }) => {
  const file = await getCollectionFile({ actor, batchId: params.id });
  return new Response(file.body, {
    headers: {
      "content-type": file.contentType,
      "content-disposition": `attachment; filename="${file.fileName}"`,
      "cache-control": "private, no-store",
    },
  });
});
