import { apiOperation, reply } from "@/lib/http/api-operation";
import { createCollectionBatchOp, listCollectionBatchesOp } from "@/lib/http/openapi/bank";
import { buildCollection } from "@/lib/bank/build-collection";
import { listCollectionBatches } from "@/lib/bank/list-collection-batches";
import { serializeBatch } from "@/lib/bank/serialize-batch";

export const GET = apiOperation(listCollectionBatchesOp, async ({ actor }) => ({
  batches: await listCollectionBatches({ actor }),
}));

export const POST = apiOperation(createCollectionBatchOp, async ({ actor, body }) => {
  const { batch } = await buildCollection({ actor, ...body });
  return reply(201, serializeBatch(batch!));
});
