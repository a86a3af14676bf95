// Queues an event for every active endpoint subscribed to its type, inside the transaction of
// the change it reports (an outbox): the event exists exactly when the change committed. The
// webhooks.deliver job sends it.
import { randomBytes } from "node:crypto";
import type { Tx } from "@/lib/db";
import { now } from "@/lib/time/clock";
import type { WebhookEventType } from "./event-types";

export async function enqueueWebhookEvent(
  tx: Tx,
  type: WebhookEventType,
  object: Record<string, unknown>,
): Promise<string | null> {
  const endpoints = await tx.webhookEndpoint.findMany({
    where: { active: true, events: { has: type } },
    select: { id: true },
  });
  if (!endpoints.length) return null;
  const at = now();
  const id = `evt_${randomBytes(12).toString("base64url")}`;
  const payload = JSON.stringify({
    id,
    type,
    created: Math.floor(at.getTime() / 1000),
    data: { object },
  });
  await tx.webhookDelivery.createMany({
    data: endpoints.map((e) => ({
      endpointId: e.id,
      eventId: id,
      eventType: type,
      payload,
      nextAttemptAt: at,
      createdAt: at,
    })),
  });
  return id;
}
