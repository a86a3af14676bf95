// Removes an endpoint and its delivery log.
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { notFound } from "@/lib/errors";

export type DeleteWebhookEndpointOptions = { actor: Actor; endpointId: string };

export async function deleteWebhookEndpoint({ actor, endpointId }: DeleteWebhookEndpointOptions) {
  assertCan(actor, "webhooks:write");
  return db.$transaction(async (tx) => {
    const endpoint = await tx.webhookEndpoint.findUnique({
      where: { id: endpointId },
      select: { url: true },
    });
    if (!endpoint) throw notFound("Webhook endpoint");
    await tx.webhookEndpoint.delete({ where: { id: endpointId } });
    await recordAudit(
      {
        actor,
        action: "webhook_endpoint.delete",
        entityType: "WebhookEndpoint",
        entityId: endpointId,
        data: { url: endpoint.url },
      },
      tx,
    );
  });
}
