// The NAS list with secrets in clear, for writing FreeRADIUS's clients.conf. System use only
// (npm run radius:config): staff never see a NAS secret again after entering it.
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { decryptSecret } from "@/lib/crypto/encrypt";
import type { RadiusClient } from "./radius-config";

export async function listRadiusClients(opts: { actor: Actor }): Promise<RadiusClient[]> {
  if (opts.actor.kind !== "system") assertCan(opts.actor, "settings:write");
  const nases = await db.nas.findMany({ orderBy: { ipAddress: "asc" } });
  return nases.map((n) => ({
    name: n.name,
    ipAddress: n.ipAddress,
    secret: decryptSecret(n.secret),
  }));
}
