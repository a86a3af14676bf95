import { apiOperation } from "@/lib/http/api-operation";
import { resumeSubscriptionOperation } from "@/lib/http/openapi/network";
import { resumeSubscription } from "@/lib/subscriptions/resume-subscription";

export const POST = apiOperation(resumeSubscriptionOperation, async ({ actor, params, body }) => {
  const r = await resumeSubscription({ actor, subscriptionId: params.id, date: body.date });
  return { subscriptionId: params.id, status: "ACTIVE" as const, date: r.resumedOn };
});
