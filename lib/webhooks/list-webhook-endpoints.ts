// The endpoints for the admin page, with how their recent deliveries went.
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/auth/roles";

export type ListWebhookEndpointsOptions = { actor: Actor };

export async function listWebhookEndpoints({ actor }: ListWebhookEndpointsOptions) {
  assertCan(actor, "webhooks:write");
  const [endpoints, counts] = await Promise.all([
    db.webhookEndpoint.findMany({
      orderBy: { createdAt: "asc" },
      select: {
        id: true,
        url: true,
        description: true,
        events: true,
        active: true,
        createdAt: true,
      },
    }),
    db.webhookDelivery.groupBy({ by: ["endpointId", "status"], _count: { _all: true } }),
  ]);
  return endpoints.map((e) => {
    const count = (status: string) =>
      counts.find((c) => c.endpointId === e.id && c.status === status)?._count._all ?? 0;
    return {
      ...e,
      delivered: count("SUCCEEDED"),
      pending: count("PENDING"),
      failed: count("FAILED"),
    };
  });
}
