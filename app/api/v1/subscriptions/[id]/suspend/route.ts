import { apiOperation } from "@/lib/http/api-operation";
import { suspendSubscriptionOperation } from "@/lib/http/openapi/network";
import { suspendSubscription } from "@/lib/subscriptions/suspend-subscription";
import { fromDbDate } from "@/lib/time/dates";

export const POST = apiOperation(suspendSubscriptionOperation, async ({ actor, params, body }) => {
  const s = await suspendSubscription({ actor, subscriptionId: params.id, ...body });
  return { subscriptionId: params.id, status: "SUSPENDED" as const, date: fromDbDate(s.startDate) };
});
