import "server-only";
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/auth/roles";

export type ListApiKeysOptions = { actor: Actor };

/** Every key, active first, newest first. Never includes the key or its hash. */
export async function listApiKeys({ actor }: ListApiKeysOptions) {
  assertCan(actor, "api_keys:write");
  const keys = await db.apiKey.findMany({
    orderBy: [{ createdAt: "desc" }],
    select: {
      id: true,
      name: true,
      role: true,
      prefix: true,
      lastUsedAt: true,
      revokedAt: true,
      createdAt: true,
      createdBy: { select: { name: true } },
    },
  });
  return keys.sort((a, b) => Number(Boolean(a.revokedAt)) - Number(Boolean(b.revokedAt)));
}
