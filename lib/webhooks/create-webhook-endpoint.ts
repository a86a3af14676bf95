// Adds an integrator's endpoint. The signing secret is generated here, stored encrypted (it must
// be readable to sign) and returned once, like an API key.
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { encryptSecret } from "@/lib/crypto/encrypt";
import { newWebhookSecret } from "./sign-webhook";
import { webhookEndpointSchema, type WebhookEndpointInput } from "./webhook-endpoint-schema";

export type CreateWebhookEndpointOptions = { actor: Actor } & WebhookEndpointInput;

export async function createWebhookEndpoint({ actor, ...input }: CreateWebhookEndpointOptions) {
  assertCan(actor, "webhooks:write");
  const data = webhookEndpointSchema.parse(input);
  const secret = newWebhookSecret();
  const secretEnc = encryptSecret(secret);
  return db.$transaction(async (tx) => {
    const endpoint = await tx.webhookEndpoint.create({
      data: { ...data, secretEnc, createdById: actor.kind === "system" ? null : actor.id },
      select: { id: true, url: true, description: true, events: true, active: true },
    });
    await recordAudit(
      {
        actor,
        action: "webhook_endpoint.create",
        entityType: "WebhookEndpoint",
        entityId: endpoint.id,
        data: { url: data.url, events: data.events },
      },
      tx,
    );
    return { endpoint, secret };
  });
}
