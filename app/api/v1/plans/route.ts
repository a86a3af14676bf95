import { z } from "zod";
import { apiRoute } from "@/lib/http/api-route";
import { listProducts } from "@/lib/catalog/list-products";
import { createProduct } from "@/lib/catalog/create-product";

const query = z.object({
  kind: z.enum(["PLAN", "ADDON"]).optional(),
  status: z.enum(["ACTIVE", "RETIRED"]).optional(),
});

export const GET = apiRoute(async ({ req, actor }) => {
  const q = query.parse(Object.fromEntries(req.nextUrl.searchParams));
  const products = await listProducts({ actor, ...q });
  return {
    data: products.map(({ _count, taxClass, ...p }) => ({
      ...p,
      taxClass: taxClass.name,
      coverageAreaCount: _count.coverageAreas,
      activeServices: _count.subscriptions,
    })),
  };
});

export const POST = apiRoute(
  async ({ req, actor }) => createProduct({ input: await req.json(), actor }),
  { status: 201 },
);
