import { apiOperation } from "@/lib/http/api-operation";
import { createSubscriptionOp, listSubscriptionsOp } from "@/lib/http/openapi/subscriptions";
import { createSubscription } from "@/lib/subscriptions/create-subscription";
import { listSubscriptions } from "@/lib/subscriptions/list-subscriptions";
import { serializeSubscription } from "@/lib/billing/serialize";

export const GET = apiOperation(listSubscriptionsOp, ({ actor, query }) =>
  listSubscriptions({ actor, filter: query }),
);

export const POST = apiOperation(createSubscriptionOp, async ({ actor, body }) =>
  serializeSubscription(await createSubscription({ input: body, actor })),
);
