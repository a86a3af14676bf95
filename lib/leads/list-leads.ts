import "server-only";
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/auth/roles";

/** Interest from outside live coverage, newest first, with the planned area it falls in. */
export async function listLeads(opts: { actor: Actor; take?: number }) {
  assertCan(opts.actor, "coverage:write");
  return db.lead.findMany({
    orderBy: { createdAt: "desc" },
    take: opts.take ?? 200,
    select: {
      id: true,
      name: true,
      email: true,
      phone: true,
      address: true,
      lat: true,
      lng: true,
      createdAt: true,
      coverageArea: { select: { name: true, status: true } },
    },
  });
}
