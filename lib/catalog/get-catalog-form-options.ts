import "server-only";
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/auth/roles";

/** Tax classes and coverage areas to choose from on the product form. */
export async function getCatalogFormOptions(opts: { actor: Actor }) {
  assertCan(opts.actor, "catalog:write");
  const [taxClasses, areas] = await Promise.all([
    db.taxClass.findMany({
      orderBy: [{ isDefault: "desc" }, { name: "asc" }],
      select: { id: true, name: true, isDefault: true },
    }),
    db.coverageArea.findMany({
      orderBy: [{ technology: "asc" }, { name: "asc" }],
      select: { id: true, name: true, technology: true, status: true },
    }),
  ]);
  return { taxClasses, areas };
}
