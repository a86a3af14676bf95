import "server-only";
import { db } from "@/lib/db";
import { PUBLIC_PRODUCT_SELECT } from "./public-product";

/** Active plans and add-ons for the public storefront, cheapest first within each technology. */
export async function listPublicCatalog() {
  const products = await db.product.findMany({
    where: { status: "ACTIVE" },
    orderBy: [{ kind: "asc" }, { sortOrder: "asc" }],
    select: PUBLIC_PRODUCT_SELECT,
  });
  return {
    plans: products.filter((p) => p.kind === "PLAN"),
    addons: products.filter((p) => p.kind === "ADDON"),
  };
}
