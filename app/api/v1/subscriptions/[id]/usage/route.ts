import { apiOperation } from "@/lib/http/api-operation";
import { getSubscriptionUsage } from "@/lib/http/openapi/network";
import { getServiceUsage } from "@/lib/usage/get-service-usage";

export const GET = apiOperation(getSubscriptionUsage, async ({ actor, params, query }) => ({
  data: await getServiceUsage({ actor, subscriptionId: params.id, from: query.from, to: query.to }),
}));
