import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { productStatusSchema } from "./product-schema";

/**
 * Retires a product (no longer sold) or puts it back on sale. Retiring never touches the
 * subscriptions already on it: they keep running and billing at their locked-in price.
 */
export type SetProductStatusOptions = { actor: Actor } & z.input<typeof productStatusSchema>;

export async function setProductStatus({ actor, ...input }: SetProductStatusOptions) {
  assertCan(actor, "catalog:write");
  const opts = { actor, ...productStatusSchema.parse(input) };
  return db.$transaction(async (tx) => {
    const found = await tx.product.findUnique({
      where: { id: opts.id },
      select: { id: true, status: true },
    });
    if (!found) throw notFound("Product");
    if (found.status === opts.status) return found;
    const product = await tx.product.update({
      where: { id: opts.id },
      data: { status: opts.status },
      select: { id: true, status: true },
    });
    await recordAudit(
      {
        actor: opts.actor,
        action: opts.status === "RETIRED" ? "product.retire" : "product.reactivate",
        entityType: "Product",
        entityId: opts.id,
      },
      tx,
    );
    return product;
  });
}
