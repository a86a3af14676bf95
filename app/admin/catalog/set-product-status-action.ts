"use server";

import { revalidatePath } from "next/cache";
import { productStatusSchema } from "@/lib/catalog/product-schema";
import { setProductStatus } from "@/lib/catalog/set-product-status";
import { defineAction } from "@/lib/http/define-action";

export const setProductStatusAction = defineAction({
  who: "staff",
  permission: "catalog:write",
  returnTo: "/admin/catalog",
  schema: productStatusSchema,
  handler: async ({ actor, input }) => {
    const product = await setProductStatus({ actor, ...input });
    revalidatePath(`/admin/catalog/${product.id}`);
    revalidatePath("/admin/catalog");
    return product.status === "RETIRED" ? "Retired: no longer sold." : "Back on sale.";
  },
});
