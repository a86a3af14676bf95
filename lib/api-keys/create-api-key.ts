import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan, STAFF_ROLES, type Actor } from "@/lib/auth/roles";
import type { Role } from "@/lib/generated/prisma/enums";
import { generateApiKey } from "./hash-api-key";

export const createApiKeySchema = z.object({
  name: z.string().trim().min(2, 'Name the key after what uses it, e.g. "network sync"').max(80),
  role: z.enum(STAFF_ROLES as [Role, ...Role[]], { message: "Choose a staff role" }),
});

export type CreateApiKeyOptions = { actor: Actor } & z.input<typeof createApiKeySchema>;

/** Creates a key with a role. The key is returned once and only its hash is stored. */
export async function createApiKey({ actor, ...input }: CreateApiKeyOptions) {
  assertCan(actor, "api_keys:write");
  const data = createApiKeySchema.parse(input);
  const { key, prefix, hash } = generateApiKey();
  return db.$transaction(async (tx) => {
    const created = await tx.apiKey.create({
      data: {
        name: data.name,
        role: data.role,
        prefix,
        hash,
        createdById: actor.kind === "user" ? actor.id : null,
      },
      select: { id: true, name: true, role: true, prefix: true },
    });
    await recordAudit(
      {
        actor,
        action: "api_key.create",
        entityType: "ApiKey",
        entityId: created.id,
        data: { name: data.name, role: data.role, prefix },
      },
      tx,
    );
    return { ...created, key };
  });
}
