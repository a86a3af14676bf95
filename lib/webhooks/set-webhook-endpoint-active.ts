// Pauses or resumes an endpoint. While paused no new events are queued for it and pending
// deliveries wait; resuming sends them.
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { notFound } from "@/lib/errors";

export type SetWebhookEndpointActiveOptions = { actor: Actor; endpointId: string; active: boolean };

export async function setWebhookEndpointActive({
  actor,
  endpointId,
  active,
}: SetWebhookEndpointActiveOptions) {
  assertCan(actor, "webhooks:write");
  return db.$transaction(async (tx) => {
    const { count } = await tx.webhookEndpoint.updateMany({
      where: { id: endpointId },
      data: { active },
    });
    if (!count) throw notFound("Webhook endpoint");
    await recordAudit(
      {
        actor,
        action: active ? "webhook_endpoint.enable" : "webhook_endpoint.disable",
        entityType: "WebhookEndpoint",
        entityId: endpointId,
      },
      tx,
    );
  });
}
