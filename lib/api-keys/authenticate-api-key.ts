import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/roles";
import { now } from "@/lib/time/clock";
import { hashApiKey } from "./hash-api-key";

/** Resolves `Authorization: Bearer <key>` to an actor with the key's role. */
export async function authenticateApiKey(
  authorization: string | null,
): Promise<Extract<Actor, { kind: "api_key" }>> {
  const key = authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (!key)
    throw new AppError("UNAUTHENTICATED", "Send an API key as 'Authorization: Bearer <key>'.");
  const found = await db.apiKey.findUnique({
    where: { hash: hashApiKey(key) },
    select: { id: true, name: true, role: true, revokedAt: true, lastUsedAt: true },
  });
  if (!found || found.revokedAt) throw new AppError("UNAUTHENTICATED", "The API key is not valid.");
  const at = now();
  // Record use at most once a minute per key, so busy integrations do not write on every call.
  if (!found.lastUsedAt || at.getTime() - found.lastUsedAt.getTime() > 60_000) {
    await db.apiKey.update({ where: { id: found.id }, data: { lastUsedAt: at } });
  }
  return { kind: "api_key", id: found.id, name: found.name, role: found.role };
}
