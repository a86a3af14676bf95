// One endpoint with its delivery log, newest first, keyset-paginated on (createdAt, id).
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { notFound } from "@/lib/errors";

export type GetWebhookEndpointOptions = {
  actor: Actor;
  endpointId: string;
  /** Cursor from a previous page: "<createdAt ISO>|<id>". */
  after?: string;
  limit?: number;
};

export async function getWebhookEndpoint({
  actor,
  endpointId,
  after,
  limit = 50,
}: GetWebhookEndpointOptions) {
  assertCan(actor, "webhooks:write");
  const endpoint = await db.webhookEndpoint.findUnique({
    where: { id: endpointId },
    select: {
      id: true,
      url: true,
      description: true,
      events: true,
      active: true,
      createdAt: true,
    },
  });
  if (!endpoint) throw notFound("Webhook endpoint");
  const [at, id] = after?.split("|") ?? [];
  const cursor = at && id && !Number.isNaN(Date.parse(at)) ? { at: new Date(at), id } : null;
  const rows = await db.webhookDelivery.findMany({
    where: {
      endpointId,
      ...(cursor && {
        OR: [{ createdAt: { lt: cursor.at } }, { createdAt: cursor.at, id: { lt: cursor.id } }],
      }),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: {
      id: true,
      eventId: true,
      eventType: true,
      status: true,
      attempts: true,
      nextAttemptAt: true,
      lastAttemptAt: true,
      lastStatusCode: true,
      lastError: true,
      deliveredAt: true,
      createdAt: true,
    },
  });
  const deliveries = rows.slice(0, limit);
  const last = deliveries[deliveries.length - 1];
  return {
    endpoint,
    deliveries,
    nextCursor: rows.length > limit && last ? `${last.createdAt.toISOString()}|${last.id}` : null,
  };
}
