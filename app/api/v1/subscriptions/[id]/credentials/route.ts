import { apiOperation } from "@/lib/http/api-operation";
import { getSubscriptionCredentials } from "@/lib/http/openapi/network";
import { getServiceCredentials } from "@/lib/network/get-service-credentials";

export const GET = apiOperation(getSubscriptionCredentials, async ({ actor, params }) =>
  getServiceCredentials({ actor, subscriptionId: params.id }),
);
