import { apiOperation } from "@/lib/http/api-operation";
import { patchPlanOp } from "@/lib/http/openapi/catalog";
import { editPlan } from "@/lib/catalog/edit-plan";

export const PATCH = apiOperation(patchPlanOp, ({ actor, params, body }) =>
  editPlan({ actor, id: params.id, input: body }),
);
