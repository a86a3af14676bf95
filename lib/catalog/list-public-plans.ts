import "server-only";
import { db } from "@/lib/db";

/** Active plans and add-ons for the public storefront, cheapest first within each technology. */
export async function listPublicCatalog() {
  const products = await db.product.findMany({
    where: { status: "ACTIVE" },
    orderBy: [{ kind: "asc" }, { sortOrder: "asc" }],
    select: {
      id: true,
      code: true,
      name: true,
      description: true,
      kind: true,
      technology: true,
      downloadMbps: true,
      uploadMbps: true,
      dataCapGb: true,
      fairUseNote: true,
      price: true,
      interval: true,
      setupFee: true,
      contractMonths: true,
      addonCharge: true,
    },
  });
  return {
    plans: products.filter((p) => p.kind === "PLAN"),
    addons: products.filter((p) => p.kind === "ADDON"),
  };
}
