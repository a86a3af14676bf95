import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { now } from "@/lib/time/clock";

export const revokeApiKeySchema = z.object({ id: z.string().min(1) });
export type RevokeApiKeyOptions = { actor: Actor } & z.input<typeof revokeApiKeySchema>;

/** Revokes a key at once; requests with it get 401 from then on. Revoking twice is a no-op. */
export async function revokeApiKey({ actor, ...input }: RevokeApiKeyOptions) {
  assertCan(actor, "api_keys:write");
  const opts = revokeApiKeySchema.parse(input);
  return db.$transaction(async (tx) => {
    const key = await tx.apiKey.findUnique({
      where: { id: opts.id },
      select: { id: true, name: true, prefix: true, revokedAt: true },
    });
    if (!key) throw notFound("API key");
    if (key.revokedAt) return key;
    const revoked = await tx.apiKey.update({
      where: { id: key.id },
      data: { revokedAt: now() },
      select: { id: true, name: true, prefix: true, revokedAt: true },
    });
    await recordAudit(
      {
        actor,
        action: "api_key.revoke",
        entityType: "ApiKey",
        entityId: key.id,
        data: { name: key.name, prefix: key.prefix },
      },
      tx,
    );
    return revoked;
  });
}
