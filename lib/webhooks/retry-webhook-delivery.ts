// Sends a delivery again at the next run of webhooks.deliver, also one that already succeeded or
// gave up (an integrator fixed their endpoint and asks for the event again).
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { notFound } from "@/lib/errors";
import { now } from "@/lib/time/clock";

export type RetryWebhookDeliveryOptions = { actor: Actor; deliveryId: string };

export async function retryWebhookDelivery({ actor, deliveryId }: RetryWebhookDeliveryOptions) {
  assertCan(actor, "webhooks:write");
  return db.$transaction(async (tx) => {
    const { count } = await tx.webhookDelivery.updateMany({
      where: { id: deliveryId },
      data: { status: "PENDING", attempts: 0, nextAttemptAt: now() },
    });
    if (!count) throw notFound("Webhook delivery");
    await recordAudit(
      {
        actor,
        action: "webhook_delivery.retry",
        entityType: "WebhookDelivery",
        entityId: deliveryId,
      },
      tx,
    );
  });
}
