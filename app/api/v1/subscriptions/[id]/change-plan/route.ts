import { apiOperation } from "@/lib/http/api-operation";
import { changePlanOp } from "@/lib/http/openapi/subscriptions";
import { changePlan } from "@/lib/subscriptions/change-plan";

export const POST = apiOperation(changePlanOp, ({ actor, params, body }) =>
  changePlan({
    subscriptionId: params.id,
    toProductId: body.productId,
    effectiveDate: body.effectiveDate,
    allowBackdate: body.allowBackdate,
    actor,
  }),
);
