import "server-only";
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/auth/roles";

/** How many serviceable addresses ("homes passed") are loaded, per technology. */
export async function getAddressStats(opts: { actor: Actor }) {
  assertCan(opts.actor, "coverage:write");
  const rows = await db.serviceableAddress.groupBy({ by: ["technology"], _count: { _all: true } });
  return {
    total: rows.reduce((a, r) => a + r._count._all, 0),
    byTechnology: rows.map((r) => ({ technology: r.technology, count: r._count._all })),
  };
}
