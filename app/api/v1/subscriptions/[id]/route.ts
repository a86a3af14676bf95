import { apiOperation } from "@/lib/http/api-operation";
import { getSubscriptionOp as op } from "@/lib/http/openapi/subscriptions";
import { getSubscription } from "@/lib/subscriptions/get-subscription";

export const GET = apiOperation(op, ({ actor, params }) =>
  getSubscription({ subscriptionId: params.id, actor }),
);
