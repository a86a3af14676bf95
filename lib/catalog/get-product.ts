import "server-only";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { assertCan, type Actor } from "@/lib/auth/roles";

/** One product with what its edit form needs. */
export async function getProduct(opts: { id: string; actor: Actor }) {
  assertCan(opts.actor, "catalog:write");
  const product = await db.product.findUnique({
    where: { id: opts.id },
    include: {
      coverageAreas: { select: { id: true } },
      _count: { select: { subscriptions: true } },
    },
  });
  if (!product) throw notFound("Product");
  return product;
}
