import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { toNasView } from "./nas-schema";

/** The NAS list, without secrets. */
export async function listNas(opts: { actor: Actor }) {
  assertCan(opts.actor, "network:read");
  const nases = await db.nas.findMany({ orderBy: { name: "asc" } });
  return nases.map(toNasView);
}
