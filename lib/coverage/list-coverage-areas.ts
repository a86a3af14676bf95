import "server-only";
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/auth/roles";

/** Coverage areas for the back office and the API, with how many products each offers. */
export async function listCoverageAreas(opts: { actor: Actor; withGeometry?: boolean }) {
  assertCan(opts.actor, "coverage:write");
  return db.coverageArea.findMany({
    orderBy: [{ technology: "asc" }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      technology: true,
      status: true,
      geometry: opts.withGeometry ?? false,
      updatedAt: true,
      minLat: true,
      minLng: true,
      maxLat: true,
      maxLng: true,
      _count: { select: { products: true, leads: true } },
    },
  });
}
