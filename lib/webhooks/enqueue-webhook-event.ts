// Queues events for every active endpoint subscribed to their type, inside the transaction of
// the change they report (an outbox): an event exists exactly when the change committed. The
// webhooks.deliver job sends them. Many events of one type are queued with two statements, so a
// bulk booking announces thousands of payments without a query each.
import { randomBytes } from "node:crypto";
import type { Tx } from "@/lib/db";
import { now } from "@/lib/time/clock";
import type { WebhookEventType } from "./event-types";

/** One event per object, in order; returns their ids (null when no endpoint subscribes). */
export async function enqueueWebhookEvents(
  tx: Tx,
  type: WebhookEventType,
  objects: Record<string, unknown>[],
): Promise<(string | null)[]> {
  if (!objects.length) return [];
  const endpoints = await tx.webhookEndpoint.findMany({
    where: { active: true, events: { has: type } },
    select: { id: true },
  });
  if (!endpoints.length) return objects.map(() => null);
  const at = now();
  const events = objects.map((object) => {
    const id = `evt_${randomBytes(12).toString("base64url")}`;
    const payload = JSON.stringify({
      id,
      type,
      created: Math.floor(at.getTime() / 1000),
      data: { object },
    });
    return { id, payload };
  });
  await tx.webhookDelivery.createMany({
    data: events.flatMap((ev) =>
      endpoints.map((e) => ({
        endpointId: e.id,
        eventId: ev.id,
        eventType: type,
        payload: ev.payload,
        nextAttemptAt: at,
        createdAt: at,
      })),
    ),
  });
  return events.map((ev) => ev.id);
}

/** Whether any active endpoint listens to this type (a bulk caller skips building payloads). */
export async function hasWebhookSubscribers(tx: Tx, type: WebhookEventType) {
  return (await tx.webhookEndpoint.count({ where: { active: true, events: { has: type } } })) > 0;
}

export async function enqueueWebhookEvent(
  tx: Tx,
  type: WebhookEventType,
  object: Record<string, unknown>,
): Promise<string | null> {
  return (await enqueueWebhookEvents(tx, type, [object]))[0];
}
