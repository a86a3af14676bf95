"use server";

import { redirect } from "next/navigation";
import { productUpdateSchema } from "@/lib/catalog/product-schema";
import { updateProduct } from "@/lib/catalog/update-product";
import { defineAction } from "@/lib/http/define-action";

export const updateProductAction = defineAction({
  who: "staff",
  permission: "catalog:write",
  returnTo: "/admin/catalog",
  schema: productUpdateSchema,
  handler: async ({ actor, input: { id, ...input } }) => {
    await updateProduct({ id, input, actor });
    redirect("/admin/catalog?saved=1");
  },
});
