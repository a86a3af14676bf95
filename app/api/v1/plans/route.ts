import { apiOperation } from "@/lib/http/api-operation";
import { createPlanOp, listPlansOp } from "@/lib/http/openapi/catalog";
import { listProducts } from "@/lib/catalog/list-products";
import { createProduct } from "@/lib/catalog/create-product";
import { serializePlan } from "@/lib/catalog/plan-api-schema";

export const GET = apiOperation(listPlansOp, async ({ actor, query }) => ({
  data: (await listProducts({ actor, ...query })).map(serializePlan),
}));

export const POST = apiOperation(createPlanOp, async ({ actor, body }) => {
  const { id } = await createProduct({ input: body, actor });
  const [plan] = await listProducts({ actor, id });
  return serializePlan(plan);
});
