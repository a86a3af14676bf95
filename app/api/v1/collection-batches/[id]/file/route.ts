import { NextResponse } from "next/server";
import { apiOperation } from "@/lib/http/api-operation";
import { getCollectionBatchFileOp } from "@/lib/http/openapi/bank";
import { getCollectionFile } from "@/lib/bank/get-collection-file";

export const GET = apiOperation(getCollectionBatchFileOp, async ({ actor, params }) => {
  const file = await getCollectionFile({ actor, batchId: params.id });
  return new NextResponse(file.body, {
    headers: {
      "content-type": file.contentType,
      "content-disposition": `attachment; filename="${file.fileName}"`,
    },
  });
});
