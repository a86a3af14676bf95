import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { productInputSchema, type ProductInput } from "./product-schema";
import { productData } from "./product-data";

/** Adds a plan or add-on to the catalogue, offered in the given coverage areas. */
export async function createProduct(opts: { input: ProductInput; actor: Actor }) {
  assertCan(opts.actor, "catalog:write");
  const v = productInputSchema.parse(opts.input);
  return db.$transaction(async (tx) => {
    if (await tx.product.findUnique({ where: { code: v.code }, select: { id: true } })) {
      throw new AppError("CONFLICT", "That code is already used.", {
        code: "Already used by another product",
      });
    }
    const data = await productData(tx, v);
    const product = await tx.product.create({
      data: { ...data, coverageAreas: { connect: v.coverageAreaIds.map((id) => ({ id })) } },
      select: { id: true, code: true },
    });
    await recordAudit(
      {
        actor: opts.actor,
        action: "product.create",
        entityType: "Product",
        entityId: product.id,
        data: { code: data.code, price: data.price },
      },
      tx,
    );
    return product;
  });
}
