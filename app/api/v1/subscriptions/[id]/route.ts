import { apiRoute } from "@/lib/http/api-route";
import { getSubscription } from "@/lib/subscriptions/get-subscription";

export const GET = apiRoute<{ id: string }>(async ({ actor, params }) =>
  getSubscription({ subscriptionId: params.id, actor }),
);
