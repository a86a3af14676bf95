import "server-only";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { productInputSchema, type ProductInput } from "./product-schema";
import { productData } from "./product-data";

/**
 * Edits a product. Existing subscriptions keep the price they locked in (Subscription.price),
 * so a price change here affects new orders only.
 */
export async function updateProduct(opts: { id: string; input: ProductInput; actor: Actor }) {
  assertCan(opts.actor, "catalog:write");
  const v = productInputSchema.parse(opts.input);
  return db.$transaction(async (tx) => {
    const before = await tx.product.findUnique({
      where: { id: opts.id },
      select: { id: true, code: true, kind: true, price: true },
    });
    if (!before) throw notFound("Product");
    if (before.kind !== v.kind)
      throw new AppError("VALIDATION", "A plan cannot become an add-on or the other way round.", {
        kind: "Cannot change",
      });
    const clash = await tx.product.findFirst({
      where: { code: v.code, id: { not: opts.id } },
      select: { id: true },
    });
    if (clash)
      throw new AppError("CONFLICT", "That code is already used.", {
        code: "Already used by another product",
      });
    const data = await productData(tx, v);
    await tx.product.update({
      where: { id: opts.id },
      data: { ...data, coverageAreas: { set: v.coverageAreaIds.map((id) => ({ id })) } },
    });
    await recordAudit(
      {
        actor: opts.actor,
        action: "product.update",
        entityType: "Product",
        entityId: opts.id,
        data: { code: data.code, priceBefore: before.price, price: data.price },
      },
      tx,
    );
    return { id: opts.id, code: data.code };
  });
}
