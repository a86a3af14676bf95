import { apiRoute } from "@/lib/http/api-route";
import { createSubscription } from "@/lib/subscriptions/create-subscription";
import { serializeSubscription } from "@/lib/billing/serialize";

export const POST = apiRoute(
  async ({ req, actor }) =>
    serializeSubscription(await createSubscription({ input: await req.json(), actor })),
  { status: 201 },
);
