import { apiOperation } from "@/lib/http/api-operation";
import { cancelSubscriptionOp } from "@/lib/http/openapi/subscriptions";
import { cancelSubscription } from "@/lib/subscriptions/cancel-subscription";

export const POST = apiOperation(cancelSubscriptionOp, ({ actor, params, body }) =>
  cancelSubscription({ subscriptionId: params.id, ...body, actor }),
);
