// PPPoE credentials for services that are about to be provisioned and have none yet: the
// username is the customer's account number (lowercase; -2, -3 … for further services), the
// password 12 random characters without look-alikes, stored encrypted (lib/crypto/encrypt.ts).
import { randomInt } from "node:crypto";
import type { Tx } from "@/lib/db";
import { encryptSecret } from "@/lib/crypto/encrypt";

const ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789";

export function generateServicePassword(): string {
  return Array.from({ length: 12 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
}

const base = (accountNumber: string) =>
  accountNumber.toLowerCase().replace(/[^a-z0-9.@-]/g, "") || "service";

export type NeedsCredentials = {
  id: string;
  accountNumber: string;
  radiusUsername: string | null;
  radiusPassword: string | null;
};

/** Gives each service a username and/or password where it lacks one; returns what it set. */
export async function assignCredentials(
  tx: Tx,
  services: NeedsCredentials[],
): Promise<Map<string, { username: string; sealedPassword: string }>> {
  const assigned = new Map<string, { username: string; sealedPassword: string }>();
  if (!services.length) return assigned;
  const wanted = services.filter((s) => !s.radiusUsername);
  const candidates = (s: NeedsCredentials) =>
    Array.from({ length: 20 }, (_, i) =>
      i ? `${base(s.accountNumber)}-${i + 1}` : base(s.accountNumber),
    );
  const taken = new Set(
    wanted.length
      ? (
          await tx.subscription.findMany({
            where: { radiusUsername: { in: wanted.flatMap(candidates) } },
            select: { radiusUsername: true },
          })
        ).map((s) => s.radiusUsername!)
      : [],
  );
  for (const s of services) {
    let username = s.radiusUsername;
    if (!username) {
      username = candidates(s).find((c) => !taken.has(c)) ?? `${base(s.accountNumber)}-${s.id}`;
      taken.add(username);
    }
    assigned.set(s.id, {
      username,
      sealedPassword: s.radiusPassword ?? encryptSecret(generateServicePassword()),
    });
  }
  const ids = [...assigned.keys()];
  await tx.$executeRawUnsafe(
    `UPDATE "Subscription" s SET "radiusUsername" = v.u, "radiusPassword" = v.p
       FROM unnest($1::text[], $2::text[], $3::text[]) AS v(id, u, p) WHERE s.id = v.id`,
    ids,
    ids.map((id) => assigned.get(id)!.username),
    ids.map((id) => assigned.get(id)!.sealedPassword),
  );
  return assigned;
}
