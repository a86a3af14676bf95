"use server";

import { redirect } from "next/navigation";
import { createProduct } from "@/lib/catalog/create-product";
import { productInputSchema } from "@/lib/catalog/product-schema";
import { defineAction } from "@/lib/http/define-action";

export const createProductAction = defineAction({
  who: "staff",
  permission: "catalog:write",
  returnTo: "/admin/catalog",
  schema: productInputSchema,
  handler: async ({ actor, input }) => {
    await createProduct({ input, actor });
    redirect("/admin/catalog?saved=1");
  },
});
