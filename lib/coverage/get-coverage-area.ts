import "server-only";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { assertCan, type Actor } from "@/lib/auth/roles";

export async function getCoverageArea(opts: { actor: Actor; id: string }) {
  assertCan(opts.actor, "coverage:write");
  const area = await db.coverageArea.findUnique({
    where: { id: opts.id },
    select: {
      id: true,
      name: true,
      technology: true,
      status: true,
      geometry: true,
      updatedAt: true,
      products: { select: { name: true }, orderBy: { sortOrder: "asc" } },
      _count: { select: { leads: true } },
    },
  });
  if (!area) throw notFound("Coverage area");
  return area;
}
